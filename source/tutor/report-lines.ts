// What the transcript shows for one command: the command, git's own output, the analogy's
// explanation of a failure, and the lesson's verdict.
import type {Lesson} from '../lessons/lesson-types.ts';
import type {Diagram} from './diagram-model.ts';
import {sanitizeOutput} from '../sandbox/sanitize-output.ts';
import type {CommandReport} from './lesson-session.ts';
import {maxOutputLines, type PrintLine} from './tutor-state.ts';

/** What git's own prompt (git-prompt.sh) shows while it waits in the middle of an operation. */
const operationMarks: Record<NonNullable<Diagram['operation']>, string> = {merge: 'MERGING', rebase: 'REBASE', 'cherry-pick': 'CHERRY-PICKING', revert: 'REVERTING'};

/** The prompt names the branch being worked on, as git's own prompt does: (main|REBASE), or detached. */
export function promptLabel(diagram: Pick<Diagram, 'branch' | 'workBranch' | 'operation'> | undefined): string {
	const branch = diagram?.branch ?? diagram?.workBranch ?? 'detached';
	return `~/shipment (${branch}${diagram?.operation ? `|${operationMarks[diagram.operation]}` : ''}) $`;
}

const maxLineCharacters = 2000;

/** Git's (or a file helper's) output as transcript lines; `color` keeps its colours, nothing else steers the terminal. */
export function outputLines(output: string, color = false): PrintLine[] {
	const lines = output.replace(/\n$/, '').split('\n');
	if (output.trim() === '') {
		return [];
	}

	// A line thousands of characters long wraps into more rows than anyone reads, and drawing them stalls the screen.
	const shown = lines.slice(0, maxOutputLines).map((text): PrintLine => ({
		tone: 'output',
		text: text.length > maxLineCharacters
			? `${sanitizeOutput(text.slice(0, maxLineCharacters), {color})} … (${text.length - maxLineCharacters} more characters on this line)`
			: sanitizeOutput(text, {color}),
	}));
	if (lines.length > maxOutputLines) {
		shown.push({tone: 'note', text: `… ${lines.length - maxOutputLines} more lines not shown`});
	}

	return shown;
}

/** `challenge`: a drill without hints, where git's failure is explained but its way out (the commands) is not given. */
export function reportLines(report: CommandReport, lesson: Lesson, kind: 'lesson' | 'drill' = 'lesson', color = false, challenge = false): PrintLine[] {
	const {result, outcome, explanation} = report;
	const lines: PrintLine[] = [];
	if (result.kind === 'refused') {
		lines.push(...result.message.split('\n').map((text): PrintLine => ({tone: 'note', text})));
	}

	if (result.kind === 'git' && (result.result.timedOut || result.result.cancelled || result.result.tooMuchOutput)) {
		const why = result.result.tooMuchOutput
			? 'That command printed more than the tutor can show (over 2 MB), so it was stopped.'
			: (result.result.timedOut ? 'That command took too long and was stopped.' : 'Stopped.');
		lines.push(...outputLines(report.output, color), {tone: 'note', text: why});
	} else if (result.kind === 'git' && result.result.startError) {
		lines.push({tone: 'warning', text: `Git could not be started: ${result.result.startError}`});
	} else {
		lines.push(...outputLines(report.output, color));
	}

	if (explanation) {
		lines.push({tone: 'explain', text: `↳ ${explanation.meaning}`}, ...(challenge ? [] : [{tone: 'explain', text: `  ${explanation.wayOut}`} satisfies PrintLine]));
	}

	lines.push(...(report.note?.split('\n') ?? []).map((text): PrintLine => ({tone: 'note', text})));
	if (kind === 'drill' && report.forced) {
		lines.push({tone: 'warning', text: report.forced.lease
			? 'That push went through with force (the lease did not stop it), and this step did not ask to replace boxes, so this run will not count as clean.'
			: 'That push forced without a lease, so this run will not count as clean.'});
	}

	const twice = (report.duplicates ?? []).map(duplicate => {
		const ids = duplicate.oids.map(oid => oid.slice(0, 7)).join(', ');
		const [first] = duplicate.subjects;
		return duplicate.subjects.every(subject => subject === first)
			? `"${first}" ${duplicate.oids.length === 2 ? 'twice' : `${duplicate.oids.length} times`} (${ids})`
			: `the same change in ${duplicate.oids.length} boxes, ${duplicate.subjects.map(subject => `"${subject}"`).join(' and ')} (${ids})`;
	});
	if (twice.length > 0) {
		lines.push({tone: 'note', text: `Your history now holds ${twice.join('; ')}. Bringing back only the boxes that are missing (git cherry-pick with an id) keeps each change once.`});
	}

	if (outcome?.kind === 'advance') {
		for (const index of outcome.skipped) {
			lines.push({tone: 'note', text: `↷ Skipped step ${index + 1} (${lesson.steps[index]!.title}): you went straight past it, which is fine.`});
		}

		for (const index of outcome.passed) {
			const step = lesson.steps[index]!;
			lines.push({tone: 'success', text: `✓ ${report.lossEarlier && step.successAfterLoss ? step.successAfterLoss : step.success}`});
		}

		if (outcome.next >= lesson.steps.length) {
			lines.push({tone: 'complete', text: kind === 'drill' ? `★ Drill complete: ${lesson.title}` : `★ Lesson complete: ${lesson.title}`});
		}
	} else if (outcome?.nudge) {
		lines.push(outcome.loss ? {tone: 'warning', text: outcome.nudge} : {tone: 'nudge', text: `→ ${outcome.nudge}`});
	}

	lines.push(...report.announcements.map((text): PrintLine => ({tone: 'event', text: `⚑ ${text}`})));
	return lines;
}
