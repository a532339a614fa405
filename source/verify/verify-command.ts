// git-push-tutor verify DIR [--json] [--branch NAME]: plain console output, no Ink and no
// terminal needed, so a course can run it in CI. The exit code is the verdict.
import {checkGit} from '../git/git-version.ts';
import type {VerifyArgs} from '../cli-args.ts';
import {verifyPack, type PackReport} from './verify-pack.ts';
import type {LessonResult} from './play-lesson.ts';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** "✓ 3 update-branch: 4 steps, 6 wrong moves, 0 alternatives" */
export function lessonLine(result: LessonResult): string {
	if (result.skipped !== undefined) {
		return `– ${result.number} ${result.id}: not played: ${result.skipped}`;
	}

	const failures = result.findings.length === 0 ? '' : ` (${plural(result.findings.length, 'failure')})`;
	return `${result.findings.length === 0 ? '✓' : '✗'} ${result.number} ${result.id}: ${plural(result.steps, 'step')}, ${plural(result.wrongMoves, 'wrong move')}, ${plural(result.alternatives, 'alternative')}${failures}`;
}

/** The report as text: a line per lesson, then each failure with its file, step, command and what was seen. */
export function reportText(report: PackReport): string[] {
	const lines = report.lessons.map(result => lessonLine(result));
	for (const finding of report.lessons.flatMap(result => result.findings)) {
		lines.push('', `${finding.file}${finding.step ? `, ${finding.step}` : ''}: expected ${finding.expected}`);
		if (finding.move.length > 1 || (finding.move.length === 1 && finding.command === undefined)) {
			lines.push(`  played: ${finding.move.join(' ; ')}`);
		}

		lines.push(`  command: ${finding.command ?? '(nothing typed yet)'}`, `  seen: ${finding.seen}`);
	}

	const notes = report.lessons.flatMap(result => result.notes.map(note => `  ${result.file}, ${note}`));
	if (notes.length > 0) {
		lines.push('', 'Notes', ...notes);
	}

	const failing = report.lessons.filter(result => result.findings.length > 0).length;
	const where = `branch ${report.branch}, git ${report.git}, ${report.seconds} s`;
	lines.push('', report.exitCode === 2
		? `The pack in ${report.directory} cannot be read: ${plural(report.problems.length, 'problem')}, said above (${where}).`
		: (failing === 0 ? `All ${plural(report.lessons.length, 'lesson')} hold (${where}).` : `${failing} of ${plural(report.lessons.length, 'lesson')} fail (${where}).`));
	return lines;
}

export async function runVerify(options: VerifyArgs): Promise<number> {
	const git = await checkGit();
	if (!git.ok) {
		console.error(git.message);
		return 2;
	}

	// Stopped from outside (Ctrl+C, a CI timeout): exit, so the exit handler removes the sandboxes.
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.once(signal, () => {
			process.exit(130);
		});
	}

	const report = await verifyPack(options.directory, {branch: options.branch, gitVersion: git.version});
	if (options.json) {
		console.log(JSON.stringify(report, undefined, 2));
		return report.exitCode;
	}

	for (const problem of report.problems) {
		console.error(problem);
	}

	console.log(reportText(report).join('\n'));
	return report.exitCode;
}
