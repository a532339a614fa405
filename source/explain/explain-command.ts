// git-push-tutor explain [--json] [TEXT...]: a pasted git error explained, in plain console output
// (no Ink). It runs no git, reads no repository and uses no network; the exit code is the verdict.
import type {ExplainArgs} from '../cli-args.ts';
import {explainText, type TextExplanation} from './explain-text.ts';
import {explanationLines, recognisedIds} from './explanation-lines.ts';
import {readPaste} from './read-paste.ts';

/** The answer as data, for --json: stable field names, the same words as the text answer. */
export function explanationData(result: TextExplanation): Record<string, unknown> {
	switch (result.kind) {
		case 'explained': {
			return {kind: 'explained', findings: result.findings.map(({id, signal, meaning, wayOut, practise, details}) => ({id, signal, meaning, wayOut, practise: practise ?? null, details}))};
		}

		case 'translated': {
			return {kind: 'translated', command: result.command ?? null, advice: explanationLines(result)};
		}

		case 'unknown': {
			return {kind: 'unknown', recognises: recognisedIds()};
		}
	}
}

export async function runExplain(options: ExplainArgs): Promise<number> {
	const text = options.text ?? await readPaste(process.stdin, line => {
		process.stderr.write(`${line}\n`);
	});
	const result = explainText(text);
	if (options.json) {
		process.stdout.write(`${JSON.stringify(explanationData(result), undefined, 2)}\n`);
	} else {
		const width = Math.min(process.stdout.columns ?? 80, 80);
		process.stdout.write(`${explanationLines(result, width).join('\n')}\n`);
	}

	return result.kind === 'explained' ? 0 : 1;
}
