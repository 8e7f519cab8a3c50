/**
 * Messages between the extension host and the compare webview (the visual diff in the editor).
 * The host reads both versions, has the language server build their models, runs the diff and
 * sends plain pictures: the webview lays out and draws, it never parses or diffs.
 */
import type { JourneyModel, Range } from '../language/model/journey-model.js';
import type { ChangeKind } from './layout/layout-types.js';

/** Where one side of a comparison comes from; kept in the webview state to reopen after a reload. */
export type CompareSideSpec =
    /** A file as it is in the editor now (follows edits). */
    | { kind: 'file'; uri: string }
    /** A file at a git revision; `ref` '' is the staged version (the index). */
    | { kind: 'git'; uri: string; ref: string }
    /** Any other readable resource, e.g. one side of a diff editor. */
    | { kind: 'resource'; uri: string; location: string };

export interface CompareSpec {
    old: CompareSideSpec;
    new: CompareSideSpec;
}

export interface CompareSideInfo {
    /** "HEAD", "Staged", "Working tree", a file name… */
    label: string;
    /** Syntax errors of that side, already worded ("line 3, column 5: …"); the side is then not drawn. */
    errors: string[];
    /** Said in the banner without stopping the comparison: a file being typed that does not parse now is shown as last valid. */
    notice?: string;
}

export interface CompareChangeItem {
    /** One line of prose (describe-change.ts, plain text). */
    text: string;
    kind: 'added' | 'removed' | 'changed' | 'moved' | 'renamed';
    /** The element's key in the new picture, and in the old one ('' when it has none there). */
    newKey: string;
    oldKey: string;
    /** Which source to select on click: the new side's element, else the old side's. */
    reveal?: { side: 'old' | 'new'; range: Range };
}

/** One journey present on either side; `new` carries the removed elements as ghosts. */
export interface CompareJourney {
    id: string;
    title: string;
    old?: JourneyModel;
    new?: JourneyModel;
    oldMarks: Array<[string, ChangeKind]>;
    newMarks: Array<[string, ChangeKind]>;
    changes: CompareChangeItem[];
}

/** Host → webview: the comparison, again after every edit of a live side. */
export interface CompareMessage {
    type: 'compare';
    spec: CompareSpec;
    title: string;
    old: CompareSideInfo;
    new: CompareSideInfo;
    summary: { added: number; removed: number; changed: number; moved: number; renamed: number; better: number; worse: number };
    /** Changes to personas, channels and teams declared outside any journey. */
    declarations: CompareChangeItem[];
    journeys: CompareJourney[];
}

/** Host → webview: the comparison cannot be made (no repository, git failed…). */
export interface CompareFailedMessage {
    type: 'compareFailed';
    spec: CompareSpec;
    message: string;
}

export type HostToCompareMessage = CompareMessage | CompareFailedMessage;

/** Webview → host: ready for messages. */
export interface CompareReadyMessage {
    type: 'ready';
}

/** Webview → host: select this range of one side's source. */
export interface CompareRevealMessage {
    type: 'reveal';
    side: 'old' | 'new';
    range: Range;
}

export type CompareToHostMessage = CompareReadyMessage | CompareRevealMessage;

/** What the compare webview keeps with `setState`: enough for the serializer to reopen it. */
export interface CompareState {
    spec?: CompareSpec;
    journeyId?: string;
    arrangement?: 'side-by-side' | 'stacked';
}
