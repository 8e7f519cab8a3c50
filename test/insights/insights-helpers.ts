import { URI } from 'langium';
import { JourneyWorkspace } from '../../language/workspace/journey-workspace.js';
import { computeInsights, type InsightsOptions, type InsightsSource } from '../../src/insights/insights-engine.js';
import type { Insights } from '../../src/insights/insights-model.js';

/** Parses the texts as one workspace (name → text) with the real parser and model builder. */
export async function sourcesOf(files: Record<string, string>): Promise<InsightsSource[]> {
    const workspace = new JourneyWorkspace();
    const names = Object.keys(files);
    const loaded = await workspace.load(names.map(name => ({ uri: URI.parse(`memory:///${name}`), text: files[name] })));
    return loaded.map((result, i) => ({ file: names[i], model: workspace.services.model.JourneyModelBuilder.build(result.document) }));
}

export async function insightsOf(files: Record<string, string>, options?: InsightsOptions): Promise<Insights> {
    return computeInsights(await sourcesOf(files), options);
}

/** A one-journey map: `body` is the inside of the journey. Teams a and b are declared. */
export function map(id: string, body: string): string {
    return `team a "A"\nteam b "B"\njourney ${id} {\n${body}\n}\n`;
}
