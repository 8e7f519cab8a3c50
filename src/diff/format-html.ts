import { journeyMapSvg } from '../../webview/render/svg-markup.js';
import { htmlText as escapeHtml } from '../text/html-text.js';
import { randomNonce } from '../text/nonce.js';
import { standalonePageHead } from '../text/standalone-page.js';
import { customerHeadline } from './customer-headline.js';
import { describeChange, type Markup } from './describe-change.js';
import type { JourneyDiff } from './diff-model.js';
import { changeTarget, listedKind, newPicture } from './diff-picture.js';
import type { FilePair } from './diff-files.js';
import type { LoadedRevision } from './load-revision.js';

/**
 * The visual diff: one self-contained page (no network: the CSP forbids it) drawing each changed
 * journey's new version with the preview's own renderer, elements marked with `data-change`,
 * removed steps and stages as faded ghosts where they stood; a switch shows the old version; the
 * change list centers the element it names. User text reaches the page only escaped.
 */
export function formatHtml(diff: JourneyDiff, oldRev: LoadedRevision, newRev: LoadedRevision, pairs: readonly FilePair[]): string {
    const sections: string[] = [];
    const nonce = randomNonce();
    for (const pair of pairs) {
        const changes = diff.changes.filter(c => c.file === pair.path);
        const oldModel = oldRev.models.get(pair.oldPath ?? pair.path);
        const newModel = newRev.models.get(pair.path);
        const journeyIds = [...new Set(changes.map(c => c.journey).filter((j): j is string => j !== undefined))];
        for (const id of journeyIds) {
            const before = oldModel?.journeys.find(j => j.id === id);
            const after = newModel?.journeys.find(j => j.id === id);
            const mine = changes.filter(c => c.journey === id);
            const { journey, marks } = newPicture(before, after, mine);
            const newSvg = journey ? journeyMapSvg(journey, { palette: 'light', changes: marks, styleNonce: nonce }) : '<p>(journey removed)</p>';
            const oldSvg = before ? journeyMapSvg(before, { palette: 'light', styleNonce: nonce }) : '<p>(journey added)</p>';
            const list = mine.map(c => `<li data-kind="${listedKind(c)}"><button type="button" data-target="${escapeHtml(changeTarget(c))}">${describeChange(c, escapeHtml, escapeHtml, HTML_MARKUP)}</button></li>`).join('');
            sections.push(`<section class="jm-journey"><h2>${escapeHtml(pair.path)}: ${escapeHtml(journey?.title ?? before?.title ?? id)}</h2>
<div class="jm-body"><ol class="jm-changes">${list}</ol><div class="jm-maps"><div class="jm-new">${newSvg}</div><div class="jm-old" hidden>${oldSvg}</div></div></div></section>`);
        }
    }
    const s = diff.summary;
    const headline = customerHeadline(diff);
    const style = `body{font-family:Arial,'Liberation Sans',sans-serif;margin:0;padding:8px 16px;}
.jm-body{display:flex;gap:12px;align-items:flex-start}
.jm-changes{flex:0 0 320px;max-height:80vh;overflow:auto;font-size:13px;padding-left:20px}
.jm-changes button{all:unset;cursor:pointer;display:block;padding:2px 0}
.jm-changes button:hover{text-decoration:underline}
.jm-maps{flex:1;overflow:auto;max-height:80vh}
.jm-focus>rect{stroke:var(--jm-highlight)!important;stroke-width:4px!important}
.jm-changes li[data-kind]::marker{font-weight:bold}
.jm-changes li[data-kind=added]::marker{content:"+ ";color:#0a7c86}
.jm-changes li[data-kind=removed]::marker{content:"− ";color:#57606a}
.jm-changes li[data-kind=changed]::marker,.jm-changes li[data-kind=renamed]::marker{content:"~ ";color:#0550ae}
.jm-changes li[data-kind=moved]::marker{content:"↔ ";color:#bf3989}
`;
    return `${standalonePageHead({ nonce, title: 'Journey map diff', style, script: true })}
<body>
<h1>Journey map diff</h1>
${headline ? `<p><strong>${escapeHtml(headline[0].toUpperCase() + headline.slice(1))}.</strong></p>` : ''}
<p>${s.added} added · ${s.removed} removed · ${s.changed} changed · ${s.moved} moved · ${s.renamed} renamed · emotion ${s.emotion.better} better, ${s.emotion.worse} worse
<label><input type="checkbox" id="jm-show-old"> show the old map</label></p>
${sections.join('\n')}
<script nonce="${nonce}">
document.getElementById('jm-show-old').addEventListener('change', function (e) {
  var old = e.target.checked;
  document.querySelectorAll('.jm-old').forEach(function (n) { n.hidden = !old; });
  document.querySelectorAll('.jm-new').forEach(function (n) { n.hidden = old; });
});
document.querySelectorAll('.jm-changes button').forEach(function (b) {
  b.addEventListener('click', function () {
    var section = b.closest('.jm-journey');
    var key = b.getAttribute('data-target');
    var target = Array.prototype.find.call(section.querySelectorAll('.jm-new [data-key]'), function (n) { return n.getAttribute('data-key') === key; });
    if (!target) return;
    section.querySelectorAll('.jm-focus').forEach(function (n) { n.classList.remove('jm-focus'); });
    target.classList.add('jm-focus');
    target.scrollIntoView({ block: 'center', inline: 'center' });
  });
});
</script>
</body>
</html>
`;
}

/** The change list's emphasis as elements; the text inside is already escaped. */
const HTML_MARKUP: Markup = { strong: s => `<strong>${s}</strong>`, em: s => `<em>${s}</em>`, code: s => `<code>${s}</code>`, aside: s => ` <code>${s}</code>` };
