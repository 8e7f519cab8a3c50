/**
 * The compare view's content from two document models: the semantic diff (src/diff, the same
 * engine as `journeymap diff`) turned into plain pictures and a change list. Pure: no vscode.
 */
import type { JourneyDocumentModel, JourneyModel, Range } from '../../../language/model/journey-model.js';
import { describeChange, PLAIN_MARKUP } from '../../diff/describe-change.js';
import { diffDocuments } from '../../diff/diff-engine.js';
import type { JourneyChange } from '../../diff/diff-model.js';
import { changeTarget, changeTargetOld, listedKind, newPicture, oldPicture } from '../../diff/diff-picture.js';
import type { ChangeKind } from '../../../webview/layout/layout-types.js';
import type { CompareChangeItem, CompareJourney, CompareMessage, CompareSideInfo, CompareSpec } from '../../../webview/compare-messages.js';

export interface CompareSideContent extends CompareSideInfo {
    /** Absent when the side does not exist (file added or deleted) or does not parse. */
    model?: JourneyDocumentModel;
}

export function compareMessage(spec: CompareSpec, title: string, old: CompareSideContent, now: CompareSideContent): CompareMessage {
    // A side that does not parse is not diffed (everything would look added or removed), nor marked.
    const comparable = old.errors.length === 0 && now.errors.length === 0;
    const diff = comparable ? diffDocuments(old.model, now.model) : undefined;
    const changes = diff?.changes ?? [];
    const oldJourneys = old.model?.journeys ?? [];
    const newJourneys = now.model?.journeys ?? [];
    const ids = [...new Set([...newJourneys.map(j => j.id), ...oldJourneys.map(j => j.id)])];
    const journeys = ids.map((id): CompareJourney => {
        const before = oldJourneys.find(j => j.id === id);
        const after = newJourneys.find(j => j.id === id);
        const mine = changes.filter(c => c.journey === id);
        const unmarked = (journey: JourneyModel | undefined) => ({ journey, marks: new Map<string, ChangeKind>() });
        const pictureNew = comparable ? newPicture(before, after, mine) : unmarked(after);
        const pictureOld = comparable ? oldPicture(before, after, mine) : unmarked(before);
        return {
            id, title: after?.title ?? before?.title ?? id,
            ...(pictureOld.journey ? { old: pictureOld.journey } : {}),
            ...(pictureNew.journey && after ? { new: pictureNew.journey } : {}),
            oldMarks: [...pictureOld.marks], newMarks: after ? [...pictureNew.marks] : [],
            changes: mine.map(change => item(change, before, after)),
        };
    });
    const s = diff?.summary ?? { added: 0, removed: 0, changed: 0, moved: 0, renamed: 0, emotion: { better: 0, worse: 0 } };
    return {
        type: 'compare', spec, title,
        old: side(old), new: side(now),
        summary: { added: s.added, removed: s.removed, changed: s.changed, moved: s.moved, renamed: s.renamed, better: s.emotion.better, worse: s.emotion.worse },
        declarations: changes.filter(c => c.journey === undefined).map(change => item(change, undefined, undefined)),
        journeys,
    };
}

function side(content: CompareSideContent): CompareSideInfo {
    return { label: content.label, errors: content.errors, ...(content.notice ? { notice: content.notice } : {}) };
}

function item(change: JourneyChange, before: JourneyModel | undefined, after: JourneyModel | undefined): CompareChangeItem {
    const newKey = change.kind === 'removed' ? '' : changeTarget(change);
    const oldKey = change.kind === 'added' ? '' : changeTargetOld(change);
    const newRange = newKey ? rangeOf(after, newKey) : undefined;
    const oldRange = oldKey ? rangeOf(before, oldKey) : undefined;
    const reveal = newRange ? { side: 'new' as const, range: newRange }
        : oldRange ? { side: 'old' as const, range: oldRange }
            : change.line?.to ? { side: 'new' as const, range: lineRange(change.line.to) }
                : change.line?.from ? { side: 'old' as const, range: lineRange(change.line.from) } : undefined;
    return {
        // Plain markup: the user's own `*` and backticks stay as written.
        text: describeChange(change, t => t, t => t, PLAIN_MARKUP),
        kind: listedKind(change), newKey, oldKey,
        ...(reveal ? { reveal } : {}),
    };
}

/** The source range of `stage:<id>` or `step:<id>` in a journey. */
function rangeOf(journey: JourneyModel | undefined, key: string): Range | undefined {
    if (!journey) return undefined;
    const id = key.slice(key.indexOf(':') + 1);
    if (key.startsWith('stage:')) return journey.stages.find(s => s.id === id)?.range;
    for (const stage of journey.stages) {
        const step = stage.steps.find(s => s.id === id);
        if (step) return step.range;
    }
    return undefined;
}

function lineRange(line: number): Range {
    return { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: 0 } };
}
