import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { ROOT } from '../webview/browser.js';

/**
 * Mermaid's own parser (the project's `mermaid` devDependency, its browser bundle) in a blank page
 * of real Chromium: what a diagram means to Mermaid, read from the diagram's database after
 * `mermaid.parse` accepted it, or the error it gave.
 */

export interface MermaidJourneyResult {
    error?: string;
    title?: string;
    accTitle?: string;
    accDescr?: string;
    sections?: string[];
    tasks?: Array<{ section: string; task: string; score: number; people: string[] }>;
}

export interface MermaidXyChartResult {
    error?: string;
    categories?: string[];
    yAxis?: { min: number; max: number; title: string };
    lines?: Array<{ values: number[]; colour: string }>;
}

export async function openMermaidPage(browser: Browser): Promise<Page> {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    // tsx compiles the functions below with esbuild's keepNames, which calls a `__name` helper the page lacks.
    await page.evaluate('window.__name = (f) => f');
    await page.addScriptTag({ content: readFileSync(ROOT + 'node_modules/mermaid/dist/mermaid.min.js', 'utf8') });
    await page.evaluate(() => {
        (window as unknown as { mermaid: { initialize(c: object): void } }).mermaid.initialize({ startOnLoad: false, maxTextSize: 10_000_000 });
    });
    return page;
}

interface MermaidGlobal {
    parse(text: string): Promise<unknown>;
    mermaidAPI: { getDiagramFromText(text: string): Promise<{ db: Record<string, (...args: unknown[]) => unknown> }> };
}

/** `mermaid.parse`, then the journey database's title, sections and tasks. */
export function mermaidJourney(page: Page, text: string): Promise<MermaidJourneyResult> {
    return page.evaluate(async source => {
        const m = (window as unknown as { mermaid: MermaidGlobal }).mermaid;
        try {
            await m.parse(source);
            const { db } = await m.mermaidAPI.getDiagramFromText(source);
            const tasks = db.getTasks() as Array<{ section: string; task: string; score: number; people: string[] }>;
            return {
                title: db.getDiagramTitle() as string,
                accTitle: db.getAccTitle() as string,
                accDescr: db.getAccDescription() as string,
                sections: db.getSections() as string[],
                tasks: tasks.map(t => ({ section: t.section, task: t.task, score: t.score, people: t.people })),
            };
        } catch (error) {
            return { error: String((error as Error).message ?? error) };
        }
    }, text);
}

/** `mermaid.parse`, then the chart's x-axis categories, y axis and lines (values and colours). */
export function mermaidXyChart(page: Page, text: string): Promise<MermaidXyChartResult> {
    return page.evaluate(async source => {
        const m = (window as unknown as { mermaid: MermaidGlobal }).mermaid;
        try {
            await m.parse(source);
            const { db } = await m.mermaidAPI.getDiagramFromText(source);
            const data = db.getXYChartData() as {
                xAxis: { categories?: string[] }; yAxis: { min: number; max: number; title: string };
                plots: Array<{ type: string; strokeFill: string; data: Array<[string, number]> }>;
            };
            return {
                categories: data.xAxis.categories,
                yAxis: { min: data.yAxis.min, max: data.yAxis.max, title: data.yAxis.title },
                lines: data.plots.filter(p => p.type === 'line').map(p => ({ values: p.data.map(d => d[1]), colour: p.strokeFill })),
            };
        } catch (error) {
            return { error: String((error as Error).message ?? error) };
        }
    }, text);
}
