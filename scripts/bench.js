// Measures how quick the tutor feels: start-up to the first lesson screen, and Enter to verdict.
// Reports medians over several runs and compares them with the aims; it never fails.
// Run with `npm run bench` (builds first) or `node scripts/bench.js --runs 11`.
import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {setTimeout as delay} from 'node:timers/promises';
import {fileURLToPath} from 'node:url';
import {spawn as spawnPty} from '@lydell/node-pty';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

function runsFromArgs(argv) {
	const index = argv.indexOf('--runs');
	const value = index === -1 ? undefined : Number(argv[index + 1]);
	if (index !== -1 && !(Number.isInteger(value) && value > 0)) {
		console.error('--runs needs a positive whole number, like --runs 7.');
		process.exit(2);
	}

	return value ?? 7;
}

const runs = runsFromArgs(process.argv.slice(2));
// Not "git-push-tutor-": that prefix marks sandboxes.
const root = mkdtempSync(path.join(tmpdir(), 'gpt-bench-'));
const live = new Set();

const ansiPattern = /\u001B\[[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)|\u001B[@-Z\\-_]/g;

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function bareNode() {
	const start = performance.now();
	await new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['-e', ''], {stdio: 'ignore'});
		child.once('error', reject);
		child.once('exit', resolve);
	});
	return performance.now() - start;
}

/** The tutor in a pseudo-terminal, with the output kept as plain text to search. */
function startTutor(args, run) {
	const home = path.join(root, `home-${run}`);
	const pty = spawnPty(process.execPath, [cli, ...args, '--workdir', path.join(root, `work-${run}`)], {
		name: 'xterm-256color',
		cols: 80,
		rows: 24,
		cwd: root,
		env: {
			PATH: process.env.PATH ?? '',
			// With CI set, Ink writes nothing until the app exits.
			CI: 'false',
			TERM: 'xterm-256color',
			HOME: home,
			XDG_CONFIG_HOME: path.join(home, '.config'),
			GIT_PUSH_TUTOR_PROGRESS: path.join(root, `progress-${run}.json`),
		},
	});
	live.add(pty);
	let raw = '';
	const waiters = new Set();
	const session = {
		pty,
		exited: new Promise(resolve => {
			pty.onExit(() => {
				live.delete(pty);
				resolve();
			});
		}),
		mark: () => raw.length,
		/** Resolves with the time the text appeared in the output after the mark. */
		when(text, mark = 0, timeoutMs = 30_000) {
			return new Promise((resolve, reject) => {
				const waiter = {
					check() {
						// Stripped after the mark, so a sequence split across chunks is still whole.
						if (raw.slice(mark).replace(ansiPattern, '').includes(text)) {
							clearTimeout(waiter.timer);
							waiters.delete(waiter);
							resolve(performance.now());
						}
					},
					timer: setTimeout(() => {
						waiters.delete(waiter);
						reject(new Error(`"${text}" did not appear within ${timeoutMs} ms`));
					}, timeoutMs),
				};
				waiters.add(waiter);
				waiter.check();
			});
		},
		async quit() {
			// On an empty prompt, the first Ctrl+C arms quitting and the second quits.
			pty.write('\u0003\u0003');
			const ended = await Promise.race([session.exited.then(() => true), delay(5000).then(() => false)]);
			if (!ended) {
				pty.kill('SIGKILL');
			}
		},
	};
	pty.onData(data => {
		raw += data;
		for (const waiter of waiters) {
			waiter.check();
		}
	});
	return session;
}

async function lessonAdd(run) {
	const start = performance.now();
	const tutor = startTutor(['--lesson', 'add'], run);
	try {
		const preparing = await tutor.when('Preparing');
		const shown = await tutor.when('Step 1 of 4');
		const firstScreen = shown - start;
		const setup = shown - preparing;
		// Typed first, so only Enter's round trip is timed.
		const typed = tutor.mark();
		tutor.pty.write('git status');
		await tutor.when('$ git status', typed);
		await delay(100);
		const mark = tutor.mark();
		const enter = performance.now();
		tutor.pty.write('\r');
		const verdict = await tutor.when('Git calls the desk files', mark) - enter;
		return {firstScreen, setup, verdict};
	} finally {
		await tutor.quit();
	}
}

async function lessonPush(run) {
	const start = performance.now();
	const tutor = startTutor(['--lesson', 'push'], run);
	try {
		const preparing = await tutor.when('Preparing');
		const firstScreen = await tutor.when('Step 1 of ');
		return {firstScreen: firstScreen - start, setup: firstScreen - preparing};
	} finally {
		await tutor.quit();
	}
}

const results = {bare: [], firstScreen: [], addSetup: [], verdict: [], pushScreen: [], pushSetup: []};

try {
	// One untimed round first, so the disk cache is warm for every measured run alike.
	await bareNode();
	await lessonAdd('warm');
	await lessonPush('warm-push');
	for (let run = 0; run < runs; run++) {
		results.bare.push(await bareNode());
		const add = await lessonAdd(run);
		results.firstScreen.push(add.firstScreen);
		results.addSetup.push(add.setup);
		results.verdict.push(add.verdict);
		const push = await lessonPush(`push-${run}`);
		results.pushScreen.push(push.firstScreen);
		results.pushSetup.push(push.setup);
		process.stderr.write('.');
	}

	process.stderr.write('\n');
} finally {
	for (const pty of live) {
		pty.kill('SIGKILL');
	}

	rmSync(root, {recursive: true, force: true});
}

const rows = [
	['bare node start (node -e "")', results.bare],
	['first lesson screen (--lesson add)', results.firstScreen, 300],
	['  of which setup (Preparing → lesson)', results.addSetup],
	['Enter on git status → verdict', results.verdict, 100],
	['first lesson screen (--lesson push)', results.pushScreen],
	['  of which setup (Preparing → lesson)', results.pushSetup],
];
const ms = value => `${Math.round(value)} ms`;
console.log(`git-push-tutor bench: median of ${runs} run${runs === 1 ? '' : 's'} (min–max), 80×24 pty`);
console.log(`${'measure'.padEnd(40)}${'median'.padStart(9)}  ${'range'.padEnd(14)}aim`);
for (const [name, values, aim] of rows) {
	const middle = median(values);
	const range = `${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))}`;
	const verdict = aim === undefined ? '' : `< ${aim} ms ${middle < aim ? '✓' : '✗ over'}`;
	console.log(`${name.padEnd(40)}${ms(middle).padStart(9)}  ${range.padEnd(14)}${verdict}`);
}
