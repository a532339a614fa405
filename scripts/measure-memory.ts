// Resident memory of the built CLI after many heavy commands: a lesson whose repository has 300
// boxes, and `git log` typed again and again (each prints 400 lines, the most one command shows).
// Linux only (reads /proc). Run: npm run build && node --import=tsx scripts/measure-memory.ts [COMMANDS]
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {startTutor} from '../test/helpers/pty.ts';
import {maxTranscriptLines} from '../source/tutor/tutor-state.ts';

const commands = Number(process.argv[2] ?? 500);

function residentMb(pid: number): number {
	const kilobytes = Number(/^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
	return Math.round(kilobytes / 1024);
}

const work = realpathSync(mkdtempSync(path.join(tmpdir(), 'gpt-memory-')));
const learner = startTutor({args: ['--lesson', 'commit', '--workdir', work]});
try {
	await learner.waitFor('Step 1 of', 30_000, 'screen');
	const sandbox = path.join(work, readdirSync(work).find(name => name.startsWith('git-push-tutor-'))!);
	const env = {PATH: process.env['PATH'] ?? '', HOME: path.join(sandbox, 'home'), GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: path.join(sandbox, 'home', '.gitconfig')};
	for (let index = 0; index < 300; index++) {
		execFileSync('git', ['commit', '-q', '--allow-empty', '-m', `Box number ${index} with a label of a usual length`], {cwd: path.join(sandbox, 'shipment'), env});
	}

	const start = residentMb(learner.pid);
	console.log(`transcript bound: ${maxTranscriptLines} lines; resident at the first screen: ${start} MB`);
	for (let index = 1; index <= commands; index++) {
		const mark = learner.outputMark();
		learner.write('git log\r');
		await learner.settle(60, 20_000, mark);
		if (index % 100 === 0) {
			console.log(`after ${index} × git log: ${residentMb(learner.pid)} MB resident`);
		}
	}
} finally {
	await learner.kill();
	rmSync(work, {recursive: true, force: true});
}
