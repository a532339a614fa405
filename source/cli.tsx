// Entry point: understands the command line, checks git and the terminal, then starts the tutor.
// Ink is loaded only after that, so --help, --list and --version stay quick and work anywhere.
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {lessonOption, parseCliArgs, helpText} from './cli-args.ts';
import {checkGit} from './git/git-version.ts';
import {bundledLessonsDirectory} from './lessons/load-lessons.ts';
import {loadPack} from './lessons/load-pack.ts';
import {createProgressStore, defaultProgressFile} from './progress/progress-store.ts';
import {removeLiveSandboxesSync} from './sandbox/sandbox.ts';
import {removeStaleSandboxes} from './sandbox/stale-sandboxes.ts';
import {workdirProblem} from './sandbox/workdir-problem.ts';

function packageVersion(): string {
	// dist/cli.js and source/cli.tsx both sit one folder below package.json.
	const file = fileURLToPath(new URL('../package.json', import.meta.url));
	return (JSON.parse(fs.readFileSync(file, 'utf8')) as {version: string}).version;
}

async function main(argv: string[]): Promise<number> {
	const command = parseCliArgs(argv);
	switch (command.kind) {
		case 'help': {
			// Where this installation keeps them: an instructor copies the example pack from there.
			const assets = fileURLToPath(new URL('../assets/', import.meta.url));
			console.log(`${helpText}\n\nWriting lessons of your own: copy the example pack\n  ${path.join(assets, 'example-pack')}\nand read the guide\n  ${path.join(assets, 'lesson-guide.md')}`);
			return 0;
		}

		case 'version': {
			console.log(packageVersion());
			return 0;
		}

		case 'error': {
			console.error(command.message);
			return 2;
		}

		case 'verify': {
			// Plain output, no terminal needed: a course runs it in CI.
			const {runVerify} = await import('./verify/verify-command.ts');
			return runVerify(command.options);
		}

		case 'explain': {
			// Plain output, no Ink: it answers a pasted error and ends.
			const {runExplain} = await import('./explain/explain-command.ts');
			return runExplain(command.options);
		}

		case 'list':
		case 'run': {
			break;
		}
	}

	// --lessons plays an instructor's pack; otherwise the built-in lessons, which are a pack too.
	const packFolder = command.kind === 'list' ? command.lessons : command.options.lessons;
	const builtIn = bundledLessonsDirectory(import.meta.url);
	const pack = loadPack(packFolder ?? builtIn, fs);
	const {lessons, problems} = pack;
	if (packFolder !== undefined && lessons.length === 0) {
		// Like a bad --lesson: a mistake in the arguments, reported before anything starts.
		console.error(`--lessons ${packFolder}: no lesson could be loaded.\n${problems.join('\n')}`);
		return 2;
	}

	if (command.kind === 'list') {
		if (packFolder !== undefined) {
			console.log(`${pack.name} (${packFolder})`);
		}

		for (const lesson of lessons) {
			console.log(`${lesson.id}\t${lesson.number}. ${lesson.title}${lesson.minutes ? `\t${lesson.minutes} min` : ''}${lesson.part ? `\t${lesson.part}` : ''}`);
		}

		for (const problem of problems) {
			console.error(problem);
		}

		return 0;
	}

	const {options} = command;
	const chosen = options.lesson === undefined ? undefined : lessonOption(options.lesson, lessons, packFolder === undefined ? undefined : `git-push-tutor --lessons ${packFolder} --list`);
	if (chosen?.kind === 'error') {
		console.error(chosen.message);
		return 2;
	}

	// Like a bad --lesson: a mistake in the arguments, reported before anything starts.
	const workdirError = options.workdir === undefined ? undefined : workdirProblem(options.workdir);
	if (workdirError !== undefined) {
		console.error(workdirError);
		return 2;
	}

	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		console.error('git-push-tutor is interactive: run it in a terminal window.\n(--list, --help and --version work anywhere.)');
		return 1;
	}

	if (lessons.length === 0) {
		console.error(`No lessons could be loaded:\n${problems.join('\n')}`);
		return 1;
	}

	// Chalk (inside Ink) reads FORCE_COLOR when it loads; it does not know NO_COLOR.
	const color = !process.env.NO_COLOR;
	if (!color) {
		process.env.FORCE_COLOR = '0';
	}

	// Loading the interface and asking git its version overlap: the first screen comes sooner.
	const [git, {startApp}] = await Promise.all([checkGit(), import('./ui/start-app.tsx')]);
	if (!git.ok) {
		console.error(git.message);
		return 1;
	}

	// Leftovers of a tutor that was killed outright; in the background, so the first screen does not wait.
	void removeStaleSandboxes(options.workdir).catch(() => undefined);
	const progress = createProgressStore({
		file: defaultProgressFile(),
		named: Boolean(process.env['GIT_PUSH_TUTOR_PROGRESS']),
		// Another pack's lessons are kept apart: its "add" is not the built-in "add".
		pack: packFolder === undefined ? undefined : packKey(packFolder, builtIn),
	});
	// --branch is remembered, so a class that uses master gets it every time without typing it; a
	// pack whose story names its branch gets that one unless --branch says otherwise.
	const branch = options.branch ?? pack.branch ?? progress.load().progress.branch ?? 'main';
	if (options.branch !== undefined) {
		progress.rememberBranch(options.branch);
	}

	const app = startApp({
		pack,
		session: {lessons, branch, workdir: options.workdir, keep: options.keep, color, gitVersion: git.version},
		progress,
		lesson: chosen?.id,
		practice: options.practice === undefined ? undefined : {name: options.practice, seed: options.seed, challenge: options.challenge === true},
		warnings: problems,
		screenReader: options.screenReader,
	});
	const stop = () => {
		void app.controller.quit();
	};

	process.once('SIGTERM', stop);
	process.once('SIGHUP', stop);
	// Only from outside (kill -INT): in raw mode Ctrl+C arrives as a key, not as this signal.
	process.once('SIGINT', stop);
	await app.finished;
	for (const kept of app.controller.keptSandboxes) {
		console.log(`The practice repositories are kept in ${kept}`);
	}

	// Only promised when it is true: a failed save was already explained by a warning.
	console.log(progress.isMemoryOnly()
		? 'Bye! Your progress could not be saved this time (see the warning above).'
		: 'Bye! Your progress is saved; run git-push-tutor again to go on.');
	return 0;
}

/** Progress is kept by the pack folder's real path; the built-in folder given by path is still the built-in pack. */
function packKey(folder: string, builtIn: string): string | undefined {
	const real = (where: string) => {
		try {
			return fs.realpathSync(where);
		} catch {
			return path.resolve(where);
		}
	};

	const key = real(folder);
	return key === real(builtIn) ? undefined : key;
}

/** Whatever happens, no sandbox is left behind (except with --keep); one that cannot be removed is said. */
function removeSandboxesNow(): void {
	for (const problem of removeLiveSandboxesSync()) {
		console.error(problem);
	}
}

process.on('exit', removeSandboxesNow);
try {
	process.exitCode = await main(process.argv.slice(2));
} catch (error) {
	removeSandboxesNow();
	console.error(`git-push-tutor stopped because of an unexpected error: ${(error as Error).stack ?? String(error)}`);
	process.exitCode = 70;
}

// Quitting always ends the process: should anything the tutor started still hold it open (a
// child that escaped git's process group, say), exit anyway once the goodbye is written.
setTimeout(() => {
	process.exit();
}, 2000).unref();
