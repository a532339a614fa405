// The answer of git-push-tutor explain as plain lines (no colour): the terminal and the tutor's
// transcript show the same words.
import {explanations, type FailureId} from './explanations.ts';
import type {TextExplanation} from './explain-text.ts';
import {rejectionReasons, signals} from './text-signals.ts';

/** The errors explain recognises, from its signals, in the catalogue's order. */
export function recognisedIds(): FailureId[] {
	const ids = new Set<FailureId>([...signals.map(signal => signal.id), ...rejectionReasons.map(entry => entry.id)]);
	return (Object.keys(explanations) as FailureId[]).filter(id => ids.has(id));
}

/** Breaks a line at spaces to fit the width; continuation lines get the indent. */
function wrap(line: string, width: number | undefined, indent: string): string[] {
	if (width === undefined || line.length <= width) {
		return [line];
	}

	const lines: string[] = [];
	let current = '';
	for (const word of line.split(' ')) {
		if (current !== '' && current.length + 1 + word.length > width) {
			lines.push(current);
			current = indent + word;
		} else {
			current = current === '' ? word : `${current} ${word}`;
		}
	}

	lines.push(current);
	return lines;
}

function answerLines(result: TextExplanation): string[] {
	switch (result.kind) {
		case 'explained': {
			return result.findings.flatMap((finding, index) => [
				...(index > 0 ? [''] : []),
				`Git said: ${finding.signal}`,
				`What happened: ${finding.meaning}`,
				`Way out: ${finding.wayOut}`,
				...(finding.practise ? [`Practise it: ${finding.practise}`] : []),
			]);
		}

		case 'translated': {
			// Without the pasted command line, the command is not known: the answer names none.
			const command = result.command ?? 'git …';
			return [
				'This looks like git\'s output in another language, which I cannot read.',
				`Run the ${result.command ? 'command' : 'same git command'} again with LC_ALL=C in front, for git's English messages, and paste that: LC_ALL=C ${command}`,
				`(In PowerShell: $env:LC_ALL='C'; ${command})`,
			];
		}

		case 'unknown': {
			return [
				'I do not recognise this as a git error I can explain.',
				'Paste the whole error as git printed it (the command line too, if you have it).',
				'I can explain these:',
				...recognisedIds().map(id => `  · ${explanations[id].says ?? id}`),
			];
		}
	}
}

/** The answer as plain lines; with a width (the terminal's), long lines are wrapped to it. */
export function explanationLines(result: TextExplanation, width?: number): string[] {
	return answerLines(result).flatMap(line => wrap(line, width, '  '));
}
