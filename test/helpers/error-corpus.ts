// The corpus for `git-push-tutor explain` (issue 13): real output of real git for every git error
// the issue lists, made in throwaway repositories by the git under test (the machine's, or a build
// from ../shared/tools/build-git.sh). Each case checks that git really failed and said something.
//
// For the recogniser: the ids are those of source/explain/explanations.ts. A mistyped address (a
// remote whose URL is a path that does not exist) is 'bad-address'; the generic pre-receive decline
// is made for real here with a local hook ('hook-declined'). GitHub's own messages are fixtures in
// test/fixtures/explain/.
import {execFileSync} from 'node:child_process';
import {mkdir, mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {commandText} from '../../source/explain/command-text.ts';
import type {FailureId} from '../../source/explain/explanations.ts';
import {olderThan, parseGitVersion} from '../../source/git/version-number.ts';
import {identity, isolatedEnv, runGit, writeText} from './git-sandbox.ts';

export type CorpusCase = {
	id: FailureId;
	/** What was done, with the git version: "fetch-first: push after a colleague shipped (git 2.20.5)". */
	name: string;
	/** As a terminal shows it: "$ git push", then git's output. */
	text: string;
	command: string;
	gitVersion: string;
};

/** Output explain must answer "I don't recognise this" to: commands that worked, and English errors it does not cover. */
export type QuietCase = {name: string; text: string; gitVersion: string};

export type Skipped = {name: string; reason: string};

/** One scenario's throwaway folder and the git that runs in it. */
class World {
	readonly cases: CorpusCase[] = [];
	readonly quiet: QuietCase[] = [];
	readonly warehouse: string;
	readonly shipment: string;

	constructor(readonly root: string, readonly dir: string, readonly gitPath: string, readonly version: string, readonly env: Record<string, string>) {
		this.warehouse = path.join(dir, 'warehouse.git');
		this.shipment = path.join(dir, 'shipment');
	}

	async run(cwd: string, args: readonly string[], env: Record<string, string> = this.env) {
		return runGit(this.gitPath, cwd, args, env, this.dir);
	}

	/** A setup step: it must work, or the case after it would prove nothing. */
	async ok(cwd: string, ...args: string[]): Promise<string> {
		const result = await this.run(cwd, args);
		if (result.code !== 0) {
			throw new Error(`setup failed in ${cwd} (git ${this.version}): git ${args.join(' ')} exited ${result.code}\n${result.output}`);
		}

		return result.output;
	}

	/** The case itself: git must fail and say something, or the corpus would hold a non-error under an error's name. */
	async fails(id: FailureId, what: string, cwd: string, args: string[], options: {env?: Record<string, string>; expect?: RegExp} = {}): Promise<void> {
		const result = await this.run(cwd, args, options.env);
		const command = commandText(args);
		const name = `${id}: ${what} (git ${this.version})`;
		if (result.code === 0 || result.output.trim() === '') {
			throw new Error(`${name}: ${command} should fail with a message, got exit ${result.code}:\n${result.output}`);
		}

		if (options.expect && !options.expect.test(result.output)) {
			throw new Error(`${name}: ${command} failed, but not with ${String(options.expect)}:\n${result.output}`);
		}

		this.cases.push({id, name, text: `$ ${command}\n${result.output}`, command, gitVersion: this.version});
	}

	/** An English error outside what explain covers: it must be neither explained as another nor called translated. */
	async failsUncovered(what: string, cwd: string, args: string[]): Promise<void> {
		const result = await this.run(cwd, args);
		if (result.code === 0 || result.output.trim() === '') {
			throw new Error(`${what}: git ${args.join(' ')} should fail with a message, got exit ${result.code}:\n${result.output}`);
		}

		this.quiet.push({name: `${what} (git ${this.version})`, text: `$ ${commandText(args)}\n${result.output}`, gitVersion: this.version});
	}

	async succeeds(what: string, cwd: string, args: string[]): Promise<void> {
		const output = await this.ok(cwd, ...args);
		this.quiet.push({name: `${what} (git ${this.version})`, text: `$ ${commandText(args)}\n${output}`, gitVersion: this.version});
	}

	async write(repo: string, file: string, text: string): Promise<void> {
		await writeText(repo, file, text);
	}

	async commit(repo: string, file: string, text: string, label: string): Promise<void> {
		await this.write(repo, file, text);
		await this.ok(repo, 'add', file);
		await this.ok(repo, 'commit', '-q', '-m', label);
	}

	/** A new repository whose branch is main on every git (init.defaultBranch arrived in 2.28). */
	async init(repo: string, bare = false): Promise<void> {
		await this.ok(this.dir, 'init', '-q', ...(bare ? ['--bare'] : []), repo);
		await this.ok(repo, 'symbolic-ref', 'HEAD', 'refs/heads/main');
	}

	/** The warehouse (a local bare repository) and ~/shipment with one sealed box shipped to it. */
	async shipped(): Promise<void> {
		await this.init(this.warehouse, true);
		await this.init(this.shipment);
		await this.commit(this.shipment, 'photo.txt', 'photo 1\n', 'Add photo');
		await this.ok(this.shipment, 'remote', 'add', 'origin', this.warehouse);
		await this.ok(this.shipment, 'push', '-q', '-u', 'origin', 'main');
	}

	/** A colleague clones the warehouse, changes a file and ships it: ~/shipment has not seen it. */
	async colleagueShips(file = 'notes.txt', text = 'from a colleague\n'): Promise<string> {
		const colleague = path.join(this.dir, 'colleague');
		await this.ok(this.dir, 'clone', '-q', this.warehouse, colleague);
		await this.commit(colleague, file, text, `Colleague changes ${file}`);
		await this.ok(colleague, 'push', '-q', 'origin', 'main');
		return colleague;
	}
}

type Scenario = {
	name: string;
	/** The oldest git that shows this error (older ones do something else). */
	since?: string;
	why?: string;
	build: (world: World) => Promise<void>;
};

const hintsOff = ['-c', 'advice.pushUpdateRejected=false', '-c', 'advice.pushNonFFCurrent=false', '-c', 'advice.pushFetchFirst=false', '-c', 'advice.pushAlreadyExists=false', '-c', 'advice.pushNeedsForce=false'];

/** A rejected push, again with --porcelain and with the advice turned off (git changed nothing the first time). */
async function rejectedPush(world: World, id: FailureId, what: string, args: string[], expect: RegExp): Promise<void> {
	await world.fails(id, what, world.shipment, args, {expect});
	await world.fails(id, `${what}, --porcelain`, world.shipment, [args[0]!, '--porcelain', ...args.slice(1)], {expect});
	await world.fails(id, `${what}, advice off`, world.shipment, [...hintsOff, ...args], {expect});
}

const scenarios: Scenario[] = [
	{
		name: 'no-destination',
		async build(w) {
			await w.init(w.shipment);
			await w.commit(w.shipment, 'photo.txt', 'photo 1\n', 'Add photo');
			await w.fails('no-destination', 'push in a repository without a remote', w.shipment, ['push'], {expect: /No configured push destination/});
		},
	},
	{
		name: 'no-upstream',
		async build(w) {
			await w.shipped();
			await w.ok(w.shipment, 'checkout', '-q', '-b', 'gift-wrap');
			await w.commit(w.shipment, 'ribbon.txt', 'red\n', 'Add ribbon');
			await w.fails('no-upstream', 'push a new branch without a route', w.shipment, ['push'], {expect: /has no upstream branch/});
		},
	},
	{
		name: 'fetch-first',
		async build(w) {
			await w.shipped();
			await w.colleagueShips();
			await w.commit(w.shipment, 'photo.txt', 'photo 2\n', 'Change photo');
			await rejectedPush(w, 'fetch-first', 'push after a colleague shipped', ['push'], /\(fetch first\)/);
			// The same in colour, as a terminal with color.ui=auto would show it.
			await w.fails('fetch-first', 'push after a colleague shipped, in colour', w.shipment, ['-c', 'color.ui=always', '-c', 'color.advice=always', 'push'], {expect: /fetch first/});
		},
	},
	{
		name: 'non-fast-forward',
		async build(w) {
			await w.shipped();
			await w.colleagueShips();
			await w.commit(w.shipment, 'photo.txt', 'photo 2\n', 'Change photo');
			await w.ok(w.shipment, 'fetch', '-q');
			await rejectedPush(w, 'non-fast-forward', 'push after fetching a colleague\'s boxes', ['push', 'origin', 'main'], /\(non-fast-forward\)/);
		},
	},
	{
		name: 'stale-info',
		async build(w) {
			await w.shipped();
			await w.colleagueShips();
			await w.ok(w.shipment, 'commit', '-q', '--amend', '-m', 'Add photo, amended');
			await rejectedPush(w, 'stale-info', 'force-with-lease without fetching', ['push', '--force-with-lease'], /\(stale info\)/);
		},
	},
	{
		name: 'remote-updated-since-checkout',
		since: '2.30',
		why: '--force-if-includes arrived in git 2.30',
		async build(w) {
			await w.shipped();
			await w.colleagueShips();
			await w.ok(w.shipment, 'commit', '-q', '--amend', '-m', 'Add photo, amended');
			await w.ok(w.shipment, 'fetch', '-q');
			await rejectedPush(w, 'remote-updated-since-checkout', 'force-if-includes after fetching', ['push', '--force-with-lease', '--force-if-includes'], /remote ref updated since checkout/);
		},
	},
	{
		name: 'src-refspec',
		async build(w) {
			await w.shipped();
			await w.fails('src-refspec', 'push a mistyped branch', w.shipment, ['push', 'origin', 'mian'], {expect: /src refspec mian does not match any/});
		},
	},
	{
		name: 'remote-exists',
		async build(w) {
			await w.shipped();
			await w.fails('remote-exists', 'add origin twice', w.shipment, ['remote', 'add', 'origin', path.join(w.dir, 'other.git')], {expect: /remote origin already exists/});
		},
	},
	{
		name: 'unknown-remote',
		async build(w) {
			await w.shipped();
			await w.fails('unknown-remote', 'push to a mistyped remote name', w.shipment, ['push', 'orign', 'main'], {expect: /'orign' does not appear to be a git repository/});
		},
	},
	{
		name: 'bad-address',
		async build(w) {
			await w.init(w.shipment);
			await w.commit(w.shipment, 'photo.txt', 'photo 1\n', 'Add photo');
			await w.ok(w.shipment, 'remote', 'add', 'origin', path.join(w.dir, 'shipmnet.git'));
			await w.fails('bad-address', 'push to a mistyped address', w.shipment, ['push', '-u', 'origin', 'main'], {expect: /shipmnet\.git' does not appear to be a git repository/});
		},
	},
	{
		name: 'divergent-pull',
		since: '2.33.1',
		why: 'older git merges on a plain pull instead of stopping',
		async build(w) {
			await w.shipped();
			await w.colleagueShips();
			await w.commit(w.shipment, 'photo.txt', 'photo 2\n', 'Change photo');
			await w.fails('divergent-pull', 'plain pull on diverged branches', w.shipment, ['pull'], {expect: /divergent branches/});
		},
	},
	{
		name: 'merge-conflict',
		async build(w) {
			await w.shipped();
			await w.colleagueShips('photo.txt', 'photo by a colleague\n');
			await w.commit(w.shipment, 'photo.txt', 'photo 2\n', 'Change photo');
			await w.fails('merge-conflict', 'pull that conflicts', w.shipment, ['pull', '--no-rebase'], {expect: /CONFLICT/});
			await w.ok(w.shipment, 'merge', '--abort');
			await w.fails('merge-conflict', 'pull --rebase that conflicts', w.shipment, ['pull', '--rebase'], {expect: /CONFLICT/});
			await w.ok(w.shipment, 'rebase', '--abort');
			await w.fails('merge-conflict', 'merge that conflicts', w.shipment, ['merge', 'origin/main'], {expect: /CONFLICT/});
		},
	},
	{
		name: 'would-overwrite-changes',
		async build(w) {
			await w.shipped();
			await w.colleagueShips('photo.txt', 'photo by a colleague\n');
			await w.ok(w.shipment, 'fetch', '-q');
			await w.ok(w.shipment, 'branch', 'colleague', 'origin/main');
			await w.write(w.shipment, 'photo.txt', 'photo 2, not sealed\n');
			await w.fails('would-overwrite-changes', 'pull with an unsealed change', w.shipment, ['pull'], {expect: /local changes to the following files would be overwritten/});
			await w.fails('would-overwrite-changes', 'checkout with an unsealed change', w.shipment, ['checkout', 'colleague'], {expect: /would be overwritten by checkout/});
			await w.fails('would-overwrite-changes', 'merge with an unsealed change', w.shipment, ['merge', 'origin/main'], {expect: /would be overwritten by merge/});
			if (!olderThan(w.version, '2.23')) {
				await w.fails('would-overwrite-changes', 'switch with an unsealed change', w.shipment, ['switch', 'colleague'], {expect: /would be overwritten by checkout/});
			}
		},
	},
	{
		name: 'would-overwrite-untracked',
		async build(w) {
			await w.shipped();
			await w.colleagueShips('notes.txt', 'notes by a colleague\n');
			await w.ok(w.shipment, 'fetch', '-q');
			await w.ok(w.shipment, 'branch', 'colleague', 'origin/main');
			await w.write(w.shipment, 'notes.txt', 'my own notes\n');
			await w.fails('would-overwrite-untracked', 'pull over an untracked file', w.shipment, ['pull'], {expect: /untracked working tree files would be overwritten/});
			await w.fails('would-overwrite-untracked', 'checkout over an untracked file', w.shipment, ['checkout', 'colleague'], {expect: /untracked working tree files would be overwritten/});
		},
	},
	{
		name: 'rebase-unsealed',
		async build(w) {
			await w.shipped();
			await w.colleagueShips();
			await w.commit(w.shipment, 'photo.txt', 'photo 2\n', 'Change photo');
			await w.write(w.shipment, 'photo.txt', 'photo 3, not sealed\n');
			await w.fails('rebase-unsealed', 'pull --rebase with an unsealed change', w.shipment, ['pull', '--rebase'], {expect: /cannot pull with rebase/});
		},
	},
	{
		name: 'unrelated-histories',
		async build(w) {
			await w.shipped();
			// A second project started on its own: no box in common with the warehouse.
			const other = path.join(w.dir, 'other');
			await w.init(other);
			await w.commit(other, 'readme.txt', 'another project\n', 'Start another project');
			await w.ok(other, 'remote', 'add', 'origin', w.warehouse);
			await w.fails('unrelated-histories', 'pull --no-rebase of an unrelated repository', other, ['pull', '--no-rebase', 'origin', 'main'], {expect: /refusing to merge unrelated histories/});
			await w.fails('unrelated-histories', 'merge of an unrelated branch', other, ['merge', 'origin/main'], {expect: /refusing to merge unrelated histories/});
			// From 2.33.1 a plain pull stops at "divergent branches" before it finds the histories unrelated.
			if (olderThan(w.version, '2.33.1')) {
				await w.fails('unrelated-histories', 'plain pull of an unrelated repository', other, ['pull', 'origin', 'main'], {expect: /refusing to merge unrelated histories/});
			}
		},
	},
	{
		name: 'detached-push',
		async build(w) {
			await w.shipped();
			await w.commit(w.shipment, 'photo.txt', 'photo 2\n', 'Change photo');
			await w.ok(w.shipment, 'checkout', '-q', 'HEAD~1');
			await w.fails('detached-push', 'push on a detached HEAD', w.shipment, ['push'], {expect: /not currently on a branch/});
		},
	},
	{
		name: 'upstream-name-differs',
		async build(w) {
			await w.shipped();
			// A branch started from origin/main tracks it, under another name: push.default=simple refuses.
			await w.ok(w.shipment, 'checkout', '-q', '-b', 'gift-wrap', 'origin/main');
			await w.commit(w.shipment, 'ribbon.txt', 'red\n', 'Add ribbon');
			await w.fails('upstream-name-differs', 'push a branch tracking origin/main', w.shipment, ['push'], {expect: /does not match\s+the name of your current branch/});
		},
	},
	{
		name: 'tag-exists',
		async build(w) {
			await w.shipped();
			await w.ok(w.shipment, 'tag', 'v1');
			await w.fails('tag-exists', 'tag v1 twice', w.shipment, ['tag', 'v1'], {expect: /tag 'v1' already exists/});
		},
	},
	{
		name: 'tag-exists-online',
		async build(w) {
			await w.shipped();
			const colleague = await w.colleagueShips();
			await w.ok(colleague, 'tag', 'v1');
			await w.ok(colleague, 'push', '-q', 'origin', 'v1');
			await w.commit(w.shipment, 'photo.txt', 'photo 2\n', 'Change photo');
			await w.ok(w.shipment, 'tag', 'v1');
			await rejectedPush(w, 'tag-exists-online', 'push a v1 the warehouse has another of', ['push', 'origin', 'v1'], /\(already exists\)/);
			await w.fails('tag-exists-online', 'push --tags when the warehouse has another v1', w.shipment, ['push', '--tags'], {expect: /\(already exists\)/});
		},
	},
	{
		name: 'hook-declined',
		async build(w) {
			await w.shipped();
			await w.write(w.warehouse, 'hooks/pre-receive', '#!/bin/sh\necho "Shipping to main is closed: open a pull request." >&2\nexit 1\n');
			execFileSync('chmod', ['+x', path.join(w.warehouse, 'hooks/pre-receive')]);
			await w.commit(w.shipment, 'photo.txt', 'photo 2\n', 'Change photo');
			await w.fails('hook-declined', 'push the warehouse\'s pre-receive hook refuses', w.shipment, ['push'], {expect: /pre-receive hook declined/});
			await w.fails('hook-declined', 'push the warehouse\'s pre-receive hook refuses, --porcelain', w.shipment, ['push', '--porcelain'], {expect: /pre-receive hook declined/});
		},
	},
	{
		name: 'needs-identity',
		async build(w) {
			await w.init(w.shipment);
			// Without it git would guess an identity from the machine's name and seal the box.
			await w.ok(w.shipment, 'config', 'user.useConfigOnly', 'true');
			await w.write(w.shipment, 'photo.txt', 'photo 1\n');
			await w.ok(w.shipment, 'add', 'photo.txt');
			const anonymous = Object.fromEntries(Object.entries(w.env).filter(([name]) => !(name in identity)));
			await w.fails('needs-identity', 'commit with no name or email set', w.shipment, ['commit', '-m', 'Add photo'], {env: anonymous, expect: /Please tell me who you are/});
		},
	},
	{
		name: 'no-tracking',
		async build(w) {
			await w.shipped();
			await w.ok(w.shipment, 'checkout', '-q', '-b', 'feature');
			await w.fails('no-tracking', 'pull on a branch with no upstream', w.shipment, ['pull'], {expect: /no tracking information/});
		},
	},
	{
		name: 'not-a-command',
		async build(w) {
			await w.shipped();
			await w.fails('not-a-command', 'a mistyped command', w.shipment, ['psuh'], {expect: /is not a git command/});
		},
	},
	{
		name: 'not-a-repository',
		async build(w) {
			const photos = path.join(w.dir, 'photos');
			await mkdir(photos, {recursive: true});
			await w.fails('not-a-repository', 'status outside a repository', photos, ['status'], {expect: /not a git repository/});
			await w.fails('not-a-repository', 'push outside a repository', photos, ['push'], {expect: /not a git repository/});
		},
	},
];

/** Output of commands that worked, for "not explained as something else". */
async function quietOutput(w: World): Promise<void> {
	await w.init(w.warehouse, true);
	await w.init(w.shipment);
	await w.commit(w.shipment, 'photo.txt', 'photo 1\n', 'Add photo');
	await w.ok(w.shipment, 'remote', 'add', 'origin', w.warehouse);
	await w.succeeds('first push with -u', w.shipment, ['push', '-u', 'origin', 'main']);
	await w.succeeds('push with nothing new', w.shipment, ['push']);
	await w.write(w.shipment, 'photo.txt', 'photo 2\n');
	await w.succeeds('commit -am', w.shipment, ['commit', '-am', 'Change photo']);
	await w.succeeds('push of a new box', w.shipment, ['push']);
	await w.succeeds('status after pushing', w.shipment, ['status']);
	await w.succeeds('pull with nothing new', w.shipment, ['pull']);
	// English errors explain does not cover: each must get "I don't recognise this", never "translated".
	await w.failsUncovered('an unknown option', w.shipment, ['push', '--bad']);
	await w.failsUncovered('rebase onto a name that is nothing', w.shipment, ['rebase', 'nope']);
	if (!olderThan(w.version, '2.23')) {
		await w.failsUncovered('switch to a branch that does not exist', w.shipment, ['switch', 'nobranch']);
	}

	await w.ok(w.shipment, 'checkout', '-q', '--detach');
	await w.failsUncovered('push origin HEAD from a detached HEAD', w.shipment, ['push', 'origin', 'HEAD']);
	await w.ok(w.shipment, 'checkout', '-q', 'main');
	await w.colleagueShips();
	await w.commit(w.shipment, 'photo.txt', 'photo 3\n', 'Change photo again');
	await w.ok(w.shipment, 'fetch', '-q');
	await w.failsUncovered('pull --ff-only of diverged branches', w.shipment, ['pull', '--ff-only']);
}

export function gitPathOf(gitBin: string | undefined): string {
	return gitBin === undefined ? 'git' : path.join(gitBin, 'git');
}

export function versionOf(gitBin: string | undefined): string {
	const output = execFileSync(gitPathOf(gitBin), ['--version'], {encoding: 'utf8'});
	const version = parseGitVersion(output)?.text;
	if (version === undefined) {
		throw new Error(`cannot read the version of ${gitPathOf(gitBin)}: ${output}`);
	}

	return version;
}

/** Scenarios this git cannot show, with the reason. */
export function skippedScenarios(gitBin: string | undefined): Skipped[] {
	const version = versionOf(gitBin);
	return scenarios
		.filter(scenario => scenario.since !== undefined && olderThan(version, scenario.since))
		.map(scenario => ({name: `${scenario.name} (git ${version})`, reason: `needs git ${scenario.since!}: ${scenario.why ?? ''}`}));
}

/** Runs tasks a few at a time: the machine may have two cores, and each case starts a dozen gits. */
async function inTurns<T>(tasks: Array<() => Promise<T>>, atOnce: number): Promise<T[]> {
	const results: T[] = Array.from({length: tasks.length});
	let next = 0;
	const worker = async () => {
		while (next < tasks.length) {
			const index = next++;
			results[index] = await tasks[index]!();
		}
	};

	await Promise.all(Array.from({length: Math.min(atOnce, tasks.length)}, worker));
	return results;
}

type Produced = {cases: CorpusCase[]; quiet: QuietCase[]};

async function produce(gitBin: string | undefined, atOnce: number): Promise<Produced> {
	const version = versionOf(gitBin);
	const root = await mkdtemp(path.join(tmpdir(), 'explain-corpus-'));
	try {
		const env: Record<string, string> = {...isolatedEnv(root, gitBin), ...identity};
		await mkdir(env['HOME']!, {recursive: true});
		const world = async (name: string) => {
			const dir = path.join(root, name);
			await mkdir(dir);
			return new World(root, dir, gitPathOf(gitBin), version, env);
		};

		const runnable = scenarios.filter(scenario => scenario.since === undefined || !olderThan(version, scenario.since));
		const worlds = await inTurns([
			...runnable.map(scenario => async () => {
				const w = await world(scenario.name);
				await scenario.build(w);
				return w;
			}),
			async () => {
				const w = await world('quiet');
				await quietOutput(w);
				return w;
			},
		], atOnce);
		return {cases: worlds.flatMap(w => w.cases), quiet: worlds.flatMap(w => w.quiet)};
	} finally {
		await rm(root, {recursive: true, force: true});
	}
}

const produced = new Map<string, Promise<Produced>>();

function producedFor(gitBin: string | undefined, atOnce = 3): Promise<Produced> {
	const key = gitBin ?? '';
	let result = produced.get(key);
	if (result === undefined) {
		result = produce(gitBin, atOnce);
		produced.set(key, result);
	}

	return result;
}

/** Every git error case this git can show, as a terminal shows it. Made once per git and reused. */
export async function produceCorpus(gitBin: string | undefined): Promise<CorpusCase[]> {
	return (await producedFor(gitBin)).cases;
}

/** Output of git commands that worked (a push, a commit, a pull, a status), from the same git. */
export async function produceQuietOutput(gitBin: string | undefined): Promise<QuietCase[]> {
	return (await producedFor(gitBin)).quiet;
}
