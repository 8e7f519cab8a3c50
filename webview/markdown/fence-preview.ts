// Script of VS Code's Markdown preview (`markdown.previewScripts`): a click on a ```journey
// fence's map switches it between fitting the preview's width and its actual size (scrolling
// sideways). The preview replaces the fences' elements on every edit, so the choice is kept per
// fence number (`data-journey-fence`) and put back after each update.
const actualSize = new Set<string>();

function apply(): void {
    for (const fence of document.querySelectorAll<HTMLElement>('.journeymap-fence[data-journey-fence]')) {
        fence.classList.toggle('journeymap-actual-size', actualSize.has(fence.dataset.journeyFence ?? ''));
    }
}

document.addEventListener('click', event => {
    const target = event.target instanceof Element ? event.target : null;
    // Links in cards open as links.
    if (!target || target.closest('a')) return;
    const fence = target.closest<HTMLElement>('.journeymap-fence[data-journey-fence]');
    const key = fence?.dataset.journeyFence;
    if (!fence || key === undefined || !fence.querySelector('svg.jm-map')) return;
    if (!actualSize.delete(key)) actualSize.add(key);
    apply();
});
// Sent by the Markdown preview after it patched in new content.
window.addEventListener('vscode.markdown.updateContent', apply);
