// Explains a pasted git error from its text alone: it never runs git and never reads a repository.
// STUB: the shape the tutor's prompt and the `explain` command agree on; the recogniser fills it.
import type {FailureId} from './explanations.ts';

export type TextFinding = {
	id: FailureId;
	/** The line of the paste that gave the error away, without colour codes. */
	signal: string;
	/** What happened, in plain words and the box analogy, with the learner's own names filled in. */
	meaning: string;
	/** The way out, safest first. */
	wayOut: string;
	/** Where to practise it, as a command: git-push-tutor --lesson remote, or --practice force. */
	practise?: string;
};

export type TextExplanation =
	| {kind: 'explained'; findings: TextFinding[]}
	/** Looks like git output in a language the tutor cannot read. */
	| {kind: 'translated'}
	| {kind: 'unknown'};

export function explainText(text: string): TextExplanation {
	return text.trim() === '' ? {kind: 'unknown'} : {kind: 'unknown'};
}

/** The answer as plain lines, for the terminal and the tutor's transcript alike. */
export function explanationLines(result: TextExplanation): string[] {
	return result.kind === 'explained'
		? result.findings.flatMap(finding => [finding.signal, finding.meaning, finding.wayOut, ...(finding.practise ? [`Practise it: ${finding.practise}`] : [])])
		: ['I do not recognise this as a git error I can explain.'];
}
