// Hostile lines at the prompt, through the real LessonSession: shell tricks, control characters,
// huge lines, paths and links that lead out, and git options that write or run things elsewhere.
// Every one gets a clear answer, nothing throws, and nothing outside ~/shipment changes.
import {mulberry32} from '../source/practice/prng.ts';
import {createHash, randomUUID} from 'node:crypto';
import {existsSync} from 'node:fs';
import {lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, symlink, writeFile} from 'node:fs/promises';
import {homedir, tmpdir} from 'node:os';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {gitOutput} from '../source/git/git-runner.ts';
import {LessonSession, type CommandReport} from '../source/tutor/lesson-session.ts';
import {reportLines} from '../source/tutor/report-lines.ts';
import {sessionOptions, shippedLessons} from './helpers/lessons.ts';

const lessons = shippedLessons();
const addLesson = lessons.find(lesson => lesson.id === 'add')!;
const secret = 'canary secret\n';
/** Names for /tmp and the real home folder: unique, so a hole cannot hit anything real, and checked after. */
const unique = `gpt-hostile-${randomUUID()}`;

type World = {
	work: string;
	root: string;
	repo: string;
	session: LessonSession;
	run(line: string): Promise<CommandReport>;
	/** Everything under the private work folder except ~/shipment, hashed (links by target). */
	snapshot(): Promise<Record<string, string>>;
};

/**
 * work/                      (private temp folder, the sandbox's parent)
 *   beside-sandbox.txt, canary/secret.txt, canary/nested/deep.txt, other.git (a bare repository)
 *   git-push-tutor-XXXX/     (the sandbox: root-file.txt, github/, home/... and shipment/)
 *     shipment/escape-dir -> work/canary, escape-rel -> ../../canary, escape-file -> work/canary/secret.txt,
 *              dangling -> work/canary/not-yet.txt
 */
async function world(t: ExecutionContext): Promise<World> {
	const work = await mkdtemp(path.join(tmpdir(), 'gpt-hostile-'));
	t.teardown(async () => rm(work, {recursive: true, force: true}));
	const canary = path.join(work, 'canary');
	await mkdir(path.join(canary, 'nested'), {recursive: true});
	await Promise.all([
		writeFile(path.join(canary, 'secret.txt'), secret),
		writeFile(path.join(canary, 'nested', 'deep.txt'), secret),
		writeFile(path.join(work, 'beside-sandbox.txt'), secret),
	]);
	const session = await LessonSession.start(addLesson, {...sessionOptions(lessons), workdir: work});
	t.teardown(async () => session.dispose());
	const {root, repo} = session.sandbox;
	// A bare repository beside the sandbox: a push that escapes would land here.
	await gitOutput(['init', '--quiet', '--bare', path.join(work, 'other.git')], {cwd: work, env: session.sandbox.env});
	await Promise.all([
		writeFile(path.join(root, 'root-file.txt'), secret),
		symlink(canary, path.join(repo, 'escape-dir')),
		symlink(path.join('..', '..', 'canary'), path.join(repo, 'escape-rel')),
		symlink(path.join(canary, 'secret.txt'), path.join(repo, 'escape-file')),
		symlink(path.join(canary, 'not-yet.txt'), path.join(repo, 'dangling')),
	]);

	const snapshot = async () => {
		const result: Record<string, string> = {};
		const walk = async (folder: string) => {
			for (const name of await readdir(folder)) {
				const full = path.join(folder, name);
				if (full === repo) {
					continue;
				}

				const stats = await lstat(full);
				const relative = path.relative(work, full);
				if (stats.isSymbolicLink()) {
					result[relative] = `link ${await readlink(full)}`;
				} else if (stats.isDirectory()) {
					result[relative] = `folder ${stats.mode}`;
					await walk(full);
				} else {
					result[relative] = `${stats.mode} ${createHash('sha256').update(await readFile(full)).digest('hex')}`;
				}
			}
		};

		await walk(work);
		return result;
	};

	return {work, root, repo, session, run: async line => session.run(line), snapshot};
}

/** Nothing may appear in /tmp or the real home folder under the unique names the lines use. */
function assertNothingReal(t: ExecutionContext): void {
	for (const where of [path.join('/tmp', unique), path.join(homedir(), unique), path.join(tmpdir(), unique)]) {
		t.false(existsSync(where), where);
	}
}

/** The answer a learner reads: a refusal's message, or what a helper printed. */
function answer(report: CommandReport): string {
	return report.result.kind === 'refused' ? report.result.message : report.output;
}

/** A refusal, or a helper that failed and said why: clear, short, no stack, no sandbox path it was not given. */
function assertClearNo(t: ExecutionContext, world: World, line: string, report: CommandReport): void {
	const {result} = report;
	const label = JSON.stringify(line.length > 120 ? `${line.slice(0, 120)}…` : line);
	if (result.kind === 'refused') {
		t.true(result.message.trim().length > 0, label);
	} else if (result.kind === 'helper') {
		t.not(result.exitCode, 0, `${label} should fail, said: ${report.output}`);
		t.true(report.output.trim().length > 0, label);
	} else {
		t.fail(`${label}: expected a refusal or a helper error, got ${result.kind}: ${JSON.stringify(result).slice(0, 400)}`);
		return;
	}

	const said = answer(report);
	t.false(/\n\s+at /.test(said), `${label} shows a stack: ${said}`);
	t.false(said.includes(secret.trim()), `${label} leaked the canary: ${said}`);
	t.true(said.length < 1000, `${label} answered with ${said.length} characters`);
	if (!line.includes(world.work)) {
		t.false(said.includes(world.root), `${label} shows the sandbox path: ${said}`);
	}
}

async function runAll(t: ExecutionContext, world: World, lines: readonly string[], judge: (line: string, report: CommandReport) => void): Promise<void> {
	const before = await world.snapshot();
	for (const line of lines) {
		let report: CommandReport;
		try {
			report = await world.run(line);
		} catch (error) {
			t.fail(`${JSON.stringify(line.slice(0, 120))} threw: ${(error as Error).stack ?? String(error)}`);
			continue;
		}

		judge(line, report);
	}

	t.deepEqual(await world.snapshot(), before, 'nothing outside ~/shipment changed');
	assertNothingReal(t);
	// The session still works after all that.
	const status = await world.run('git status');
	t.is(status.result.kind, 'git');
	t.is(status.result.kind === 'git' ? status.result.result.exitCode : -1, 0, status.output);
	t.true(status.output.includes('On branch main'), status.output);
}

const mustRefuse = async (t: ExecutionContext, lines: readonly string[]) => {
	const w = await world(t);
	await runAll(t, w, lines, (line, report) => {
		assertClearNo(t, w, line, report);
	});
};

test('unbalanced quotes, huge lines and control characters are refused by the parser', async t => {
	await mustRefuse(t, [
		'git commit -m "unbalanced',
		'echo \'unbalanced > notes.txt',
		'git commit -m \u201Csmart quotes',
		'echo hi \\',
		`git add ${'a'.repeat(100_000)}`,
		`echo ${'x > ../x '.repeat(12_000)}`,
		'x'.repeat(100 * 1024),
		'git status\u0000',
		'echo \u0007 > bell.txt',
		'echo \u001B[31mred > red.txt',
		'cat notes.txt\u007F',
		'git\u001B[2J status',
		'rm notes.txt\r',
		'touch a\nb',
		'echo \u009B31m > c1.txt',
		'git status\u0085',
		// Under the length limit: refused as an unknown command, quoting only its start.
		'y'.repeat(9999),
	]);
});

test('shell operators and command substitution are refused, and nothing runs', async t => {
	const w = await world(t);
	await runAll(t, w, [
		'$(rm -rf ~)',
		'echo $(rm -rf ~)',
		'git commit -m $(touch ../pwned)',
		'echo `touch ../pwned`',
		'`rm -rf ~`',
		'echo hi; rm notes.txt',
		'git status | cat',
		'git add . && git commit -m x',
		'git push || rm -rf ~',
		'echo hi & rm notes.txt',
		'cat < /etc/passwd',
		'echo x 2> ../err.txt',
		'echo x &> ../err.txt',
		'echo x >& ../err.txt',
		'(cd ..)',
	], (line, report) => {
		assertClearNo(t, w, line, report);
	});
	t.true(existsSync(path.join(w.repo, 'notes.txt')), 'notes.txt is still there');
});

test('quoted shell syntax is only text: nothing is expanded', async t => {
	const w = await world(t);
	const echo = await w.run('echo "$(touch ../pwned)" \'`rm -rf ~`\' "a;b|c&&d||e"');
	t.deepEqual(echo.result, {kind: 'helper', output: '$(touch ../pwned) `rm -rf ~` a;b|c&&d||e\n', exitCode: 0});
	const write = await w.run('echo "$(rm -rf ~)" > quoted.txt');
	t.is(write.result.kind, 'helper');
	t.is(await readFile(path.join(w.repo, 'quoted.txt'), 'utf8'), '$(rm -rf ~)\n');
	t.false(existsSync(path.join(w.root, 'pwned')));
	await runAll(t, w, ['git commit -m "$(touch ../pwned)"', 'git log --format="$(touch ../pwned)"'], (line, report) => {
		t.is(report.result.kind, 'git', line);
	});
});

test('> and >> to paths outside ~/shipment, into .git or onto .. are refused', async t => {
	const w = await world(t);
	const lines: string[] = [];
	for (const operator of ['>', '>>']) {
		for (const target of [
			'../x', '../root-file.txt', '../../beside-sandbox.txt', '../../canary/secret.txt', 'sub/../../x',
			'..', '.', `/tmp/${unique}`, `~/${unique}`, `${w.work}/beside-sandbox.txt`, `${w.work}/canary/new.txt`,
			'.git/config', '.git/HEAD', '.git/hooks/pre-commit', '.GIT/config',
		]) {
			lines.push(`echo pwned ${operator} ${target}`);
		}
	}

	lines.push('echo pwned >../x', 'echo pwned>../x', 'echo pwned > "../x"', 'echo pwned > ..\\/x');
	await runAll(t, w, lines, (line, report) => {
		assertClearNo(t, w, line, report);
		if (line.includes('.GIT/')) {
			// On a case-insensitive disk (macOS, Windows) .GIT is .git.
			t.regex(answer(report), /storage room/, line);
		}
	});
});

test('cat, rm, touch and ls with absolute paths, ~, .. or .git are refused', async t => {
	const w = await world(t);
	const lines: string[] = [];
	for (const helper of ['cat', 'rm', 'touch', 'ls']) {
		for (const target of [
			'/etc/passwd', '/', `/tmp/${unique}`, `~/${unique}`, '~', '..', '../root-file.txt', '../../beside-sandbox.txt',
			`${w.work}/canary/secret.txt`, `${w.root}/root-file.txt`, '.git/config', '.git', 'C:/Windows/win.ini',
		]) {
			lines.push(`${helper} ${target}`);
		}
	}

	lines.push('rm -rf ..', 'rm -rf ~', 'rm -- ../root-file.txt', 'cat notes.txt ../root-file.txt');
	await runAll(t, w, lines, (line, report) => {
		if (line === 'cat notes.txt ../root-file.txt') {
			// The file inside is shown; the one outside is refused, and the whole command fails.
			t.true(report.output.startsWith('Shipment notes'), report.output);
		}

		assertClearNo(t, w, line, report);
	});
});

test('links inside the repository that lead out are never followed', async t => {
	const w = await world(t);
	const lines: string[] = [];
	for (const link of ['escape-file', 'escape-dir/secret.txt', 'escape-dir/new.txt', 'escape-rel/secret.txt', 'escape-dir/nested/deep.txt', 'dangling']) {
		lines.push(`echo pwned > ${link}`, `echo pwned >> ${link}`, `cat ${link}`, `touch ${link}`);
		// rm removes a link itself, never what it points to; through a link it is refused.
		if (link.includes('/')) {
			lines.push(`rm ${link}`);
		}
	}

	lines.push(
		'ls escape-dir', 'ls escape-rel', 'ls escape-dir/nested',
		// Git writing through a link that leads out.
		'git init escape-dir/repo', 'git init dangling', 'git clone https://github.com/learner/shipment.git escape-rel/clone',
		'git archive -o escape-dir/a.tar HEAD', 'git archive -o dangling HEAD', 'git bundle create escape-dir/b.bundle --all',
		'git worktree add escape-dir/wt', 'git format-patch -o escape-rel/patches --root', 'git checkout-index -a --prefix=escape-dir/',
	);
	await runAll(t, w, lines, (line, report) => {
		assertClearNo(t, w, line, report);
	});
	t.is(await readlink(path.join(w.repo, 'escape-file')), path.join(w.work, 'canary', 'secret.txt'), 'the link itself is kept');
	const before = await w.snapshot();
	const removed = await w.run('rm escape-file');
	t.is(removed.result.kind === 'helper' ? removed.result.exitCode : -1, 0, removed.output);
	await t.throwsAsync(readlink(path.join(w.repo, 'escape-file')), undefined, 'rm took the link away');
	t.deepEqual(await w.snapshot(), before, 'what the link pointed to is untouched');
});

test('a nested repository\'s .git is git\'s storage too: no helper and no git command writes into it', async t => {
	const w = await world(t);
	// A clone inside ~/shipment: its config could make git run programs (core.fsmonitor).
	await w.run('git clone https://github.com/learner/shipment.git sub');
	await runAll(t, w, [
		'echo "[core] fsmonitor = touch ../pwned" > sub/.git/config',
		'echo x >> sub/.GIT/config',
		'echo "gitdir: .." > other/.git',
		'touch sub/.git/hooks/post-checkout',
		'git config -f sub/.git/config core.fsmonitor "touch ../pwned"',
		'git config --file=sub/.git/config user.name x',
		'git merge-file sub/.git/config notes.txt todo.txt',
		'git archive -o sub/.git/config HEAD',
	], (line, report) => {
		assertClearNo(t, w, line, report);
	});
	t.false(existsSync(path.join(w.repo, 'sub', '.git', 'hooks', 'post-checkout')));
	t.notRegex(await readFile(path.join(w.repo, 'sub', '.git', 'config'), 'utf8'), /fsmonitor|pwned/);
});

test('git options that point git elsewhere or override its settings are refused', async t => {
	await mustRefuse(t, [
		'git -C / status',
		'git -C .. init',
		'git --git-dir=.. status',
		'git --git-dir ../.. log',
		'git --work-tree=/ status',
		'git --work-tree .. add .',
		'git -c core.worktree=/ status',
		'git -c alias.x=!touch x',
		'git -c core.hooksPath=../../canary commit -m x',
		'git --config-env=core.pager=HOME log',
		'git --exec-path=/tmp status',
		'git --namespace=x push',
		'git --shallow-file ../shallow fetch --depth 1 origin',
	]);
});

test('git commands that would write to a path outside ~/shipment are refused', async t => {
	const w = await world(t);
	const other = path.join(w.work, 'other.git');
	await runAll(t, w, [
		// init and clone create folders.
		'git init ../elsewhere',
		`git init ${w.work}/elsewhere`,
		`git init /tmp/${unique}`,
		`git init ~/${unique}`,
		'git init --separate-git-dir=../sep inner',
		'git init --separate-git-dir ../sep inner',
		'git init-db ../elsewhere',
		'git --bare init ../elsewhere.git',
		'git clone https://github.com/learner/shipment.git ../y',
		'git clone x ../y',
		'git clone --bare . ../../z.git',
		'git clone --depth 1 https://github.com/learner/shipment.git ../y',
		`git clone https://github.com/learner/shipment.git /tmp/${unique}`,
		'git clone --separate-git-dir=../sep https://github.com/learner/shipment.git inside',
		// Options that name a file or folder to write.
		'git archive -o ../a.tar HEAD',
		'git archive --output=../a.tar HEAD',
		'git archive --out ../a.tar HEAD',
		'git archive -vo ../a.tar HEAD',
		'git archive -o../a.tar HEAD',
		'git format-patch -o ../patches --root',
		'git format-patch --output-directory=../patches --root',
		'git format-patch --output=../one.patch --root',
		'git bundle create ../b.bundle --all',
		'git worktree add ../wt',
		`git worktree add -b side ${w.work}/wt`,
		'git worktree move wt ../wt',
		'git diff --output=../d.txt',
		`git log --output=${w.work}/l.txt`,
		'git show --output ../s.txt',
		'git checkout-index -a --prefix=../ci/',
		'git checkout-index -a --prefix=.git/hooks/',
		'git config --file ../cfg a.b c',
		`git config -f ${w.work}/cfg a.b c`,
		'git merge-file ../root-file.txt notes.txt todo.txt',
		'git pack-objects ../pk',
		'git index-pack -o ../x.idx x.pack',
		'git fast-export --export-marks=../marks --all',
		'git bugreport -o ..',
		'git diagnose -o ../diag',
		'git multi-pack-index --object-dir=../objects write',
		'git apply --unsafe-paths change.diff',
		// Pushing to a repository outside (a path, a file URL, or a GitHub address that climbs out).
		'git push ../.. main',
		`git push ${other} main`,
		`git push file://${other} main`,
		'git push --repo=../../other.git',
		'git push https://github.com/learner/../../../other.git main',
		'git push https://github.com/learner/%2e%2e/%2e%2e/%2e%2e/other.git main',
		'git push https://github.com/learner/..%2f..%2f..%2fother.git main',
		'git push git@github.com:learner/../../../other.git main',
		'git push ssh://git@github.com/learner/../../../other.git main',
		'git send-pack ../../other.git main',
		'git remote add evil ../../other.git',
		'git remote add evil https://github.com/learner/../../../other.git',
		'git remote set-url --push origin ../../other.git',
		'git config remote.evil.url ../../other.git',
		'git config remote.origin.pushurl file:///tmp/x',
		'git config branch.main.remote ../../other.git',
		'git config remote.pushDefault ../../other.git',
		'git subtree push --prefix=x ../../other.git main',
	], (line, report) => {
		assertClearNo(t, w, line, report);
	});
	t.deepEqual(await readdir(path.join(other, 'refs', 'heads')).catch(() => []), [], 'nothing was pushed to the repository outside');
});

test('git commands that would read a repository outside ~/shipment are refused; fetching from origin is not', async t => {
	const w = await world(t);
	const other = path.join(w.work, 'other.git');
	await runAll(t, w, [
		'git fetch ../..',
		`git fetch ${other}`,
		`git fetch file://${other} main`,
		'git pull ../../other.git main',
		'git pull https://github.com/learner/../../../other.git main',
		'git ls-remote ../../other.git',
		'git archive --remote=../../other.git HEAD',
	], (line, report) => {
		assertClearNo(t, w, line, report);
	});
	for (const line of ['git fetch origin', 'git fetch origin main:refs/remotes/origin/main', 'git ls-remote origin', 'git pull origin main']) {
		const report = await w.run(line);
		t.not(report.result.kind, 'refused', line);
	}
});

test('git commands that would read files outside ~/shipment, or change this computer\'s git settings, are refused', async t => {
	const w = await world(t);
	await runAll(t, w, [
		'git diff --no-index /etc/hostname notes.txt',
		'git diff --no-index ../root-file.txt notes.txt',
		'git grep --no-index x ../..',
		'git commit --allow-empty -F ../home/.gitconfig',
		'git commit --allow-empty --file=/etc/hostname',
		'git commit -t ../root-file.txt',
		'git tag -a v1 -F /etc/hostname',
		'git blame --contents /etc/hostname notes.txt',
		'git hash-object ../root-file.txt',
		'git apply ../change.patch',
		'git am ../mail.mbox',
		'git config --system tutor.test 1',
		'git config --system --list',
		'git config --syst -l',
	], (line, report) => {
		assertClearNo(t, w, line, report);
	});
});

test('nothing can give a new repository inside ~/shipment settings or hooks that run programs', async t => {
	const w = await world(t);
	await runAll(t, w, [
		'git init --template=tpl inner',
		'git init --templ=tpl inner',
		'git clone --template=tpl https://github.com/learner/shipment.git inner',
		'git clone -c core.fsmonitor="touch ../pwned" https://github.com/learner/shipment.git inner',
		'git clone --config=core.fsmonitor="touch ../pwned" https://github.com/learner/shipment.git inner',
		'git config core.bare true',
		'git config core.repositoryformatversion 7',
		'git config extensions.worktreeConfig true',
	], (line, report) => {
		assertClearNo(t, w, line, report);
	});
	t.false(existsSync(path.join(w.repo, 'inner')));
});

test('git mv through a link that leads out, which git apply can make, is refused', async t => {
	const w = await world(t);
	await w.run('git add notes.txt');
	await w.run('git commit -m "Pack notes"');
	await runAll(t, w, [
		'git mv notes.txt escape-dir/moved.txt',
		'git mv -f notes.txt escape-rel/secret.txt',
		'git mv notes.txt dangling',
	], (line, report) => {
		assertClearNo(t, w, line, report);
	});
	t.true(existsSync(path.join(w.repo, 'notes.txt')));
});

test('abbreviated interactive options are refused like the full ones', async t => {
	await mustRefuse(t, ['git add --interac', 'git rebase --interact HEAD~1', 'git add --pat', 'git commit --patc -m x']);
});

test('a command that prints megabytes on one line is stopped and said so, and the transcript gets a short line', async t => {
	const w = await world(t);
	await w.run('git add notes.txt');
	await w.run('git commit -m "Pack notes"');
	// Git pads each %H to 16,000 columns: 200 of them make one 3.2 MB line.
	const huge = await w.run(`git log -1 "--format=${'%>(16000)%H'.repeat(200)}"`);
	t.true(huge.result.kind === 'git' && huge.result.result.tooMuchOutput, `stopped for its output: ${JSON.stringify(huge.result).slice(0, 300)}`);
	const lines = reportLines(huge, w.session.lesson);
	t.true(lines.some(line => /printed more than the tutor can show/.test(line.text)), JSON.stringify(lines.map(line => line.text.slice(0, 80))));
	t.true(lines.every(line => line.text.length < 2100), 'no line is megabytes long');
	// A long line under the limit is shortened too.
	const long = await w.run(`git log -1 "--format=${'%>(10000)%H'.repeat(5)}"`);
	t.false(long.result.kind === 'git' && long.result.result.tooMuchOutput);
	t.true(reportLines(long, w.session.lesson).some(line => /more characters on this line/.test(line.text)));
});

test('git commands and settings that would run programs, or reach outside, are refused', async t => {
	await mustRefuse(t, [
		'git rebase -x "touch ../pwned" HEAD',
		'git rebase --exec="touch ../pwned" --root',
		'git rebase --exe "touch ../pwned" --root',
		'git grep -O"touch ../pwned" x',
		'git grep --open-files-in-pager=touch x',
		'git bisect run touch ../pwned',
		'git submodule foreach "touch ../pwned"',
		'git filter-branch --tree-filter "touch ../../pwned" HEAD',
		'git merge-index touch -a',
		'git push --receive-pack="touch ../pwned; git-receive-pack" https://github.com/learner/shipment.git main',
		'git push --exec="touch ../pwned" https://github.com/learner/shipment.git main',
		'git fetch --upload-pack="touch ../pwned" https://github.com/learner/shipment.git',
		'git pull --upload-pack="touch ../pwned" https://github.com/learner/shipment.git',
		'git clone -u "touch ../pwned" https://github.com/learner/shipment.git copy',
		'git ls-remote --upload-pack="touch ../pwned" https://github.com/learner/shipment.git',
		'git config alias.pwn "!touch ../pwned"',
		'git config alias.st status',
		'git config --add alias.x "-C .. status"',
		'git config core.worktree ../..',
		'git config core.hooksPath ../../canary',
		'git config core.fsmonitor "touch ../pwned"',
		'git config core.sshCommand "touch ../pwned"',
		'git config diff.external "touch ../pwned"',
		'git config diff.x.textconv "touch ../pwned"',
		'git config filter.x.clean "touch ../pwned"',
		'git config merge.x.driver "touch ../pwned"',
		'git config gpg.program "touch ../pwned"',
		'git config submodule.x.update "!touch ../pwned"',
		'git config remote.origin.receivepack "touch ../pwned"',
		'git config include.path ../../canary/secret.txt',
		'git config --global url.file:///tmp/.insteadOf https://github.com/',
		'git config --global --unset protocol.allow',
		'git config --global --unset-all core.hooksPath',
		'git config --global --remove-section protocol',
		'git config --global --rename-section core x',
		'git config --global trace2.normalTarget ../trace.txt',
		'git config --global credential.helper "!touch ../pwned"',
		'git maintenance start',
		'git maintenance register',
		'git for-each-repo --config=x status',
		'git credential-store --file=../cred store',
		'git credential-cache exit',
		'git submodule--helper list',
		'git remote-ext x "touch ../pwned"',
		'git help push',
		'git push --help',
		'git add -p',
		'git gui',
		'git daemon',
		'git commit --amend',
	]);
});

test('paths outside the repository, or through a link that leads out, are refused before git starts', async t => {
	const w = await world(t);
	await runAll(t, w, [
		'git add ../root-file.txt',
		`git add ${w.work}/beside-sandbox.txt`,
		'git rm ../root-file.txt',
		'git add escape-dir/secret.txt',
		'git status ..',
		'git log -- ../x',
		'git add ":(top)../x"',
		'git add :!../x',
	], (line, report) => {
		assertClearNo(t, w, line, report);
		t.regex(answer(report), /outside ~\/shipment/, line);
	});
});

test('words that are members of every JavaScript object are plain words', async t => {
	const w = await world(t);
	await runAll(t, w, ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'Constructor', 'git constructor', 'git __proto__ x', 'git toString', 'git valueOf --help'], (line, report) => {
		t.not(report.result.kind, 'tutor', line);
		t.true(answer(report).trim().length > 0, line);
	});
});

test('the same commands inside ~/shipment still work', async t => {
	const w = await world(t);
	const ran = async (line: string) => {
		const report = await w.run(line);
		t.is(report.result.kind, 'git', `${line}: ${answer(report)}`);
		t.is(report.result.kind === 'git' ? report.result.result.exitCode : -1, 0, `${line}: ${report.output}`);
	};

	await ran('git add notes.txt');
	await ran('git commit -m "Pack notes"');
	await ran('git init');
	await ran('git diff --output=changes.diff HEAD');
	await ran('git config pull.rebase false');
	await ran('git config user.name "Sam Rivera"');
	await ran('git config --global push.autoSetupRemote true');
	await ran('git remote add origin https://github.com/learner/shipment.git');
	await ran('git config remote.origin.url https://github.com/learner/shipment.git');
	await ran('git push -u origin main');
	await ran('git clone https://github.com/learner/shipment.git copy');
	await ran('git push . main:copy-of-main');
	await ran('git mv notes.txt moved.txt');
	await ran('git commit -m "Move the notes"');
	await ran('git commit --amend --no-edit');
	// git commit -h prints the options (and exits 129): it needs no label.
	t.is((await w.run('git commit -h')).result.kind, 'git');
	await w.run('echo "A label from a file" > label.txt');
	await ran('git commit --allow-empty -F label.txt');
	await ran('git diff --no-index --exit-code moved.txt moved.txt');
	await ran('git fetch origin');
	t.true(existsSync(path.join(w.repo, 'changes.diff')));
	t.true(existsSync(path.join(w.repo, 'copy', 'notes.txt')));
});

// ---- Property-style: random lines from a hostile alphabet ----


const knownKinds = new Set(['empty', 'tutor', 'refused', 'helper', 'git']);

type Alphabet = Array<{weight: number; words: readonly string[]}>;

function alphabet(work: string): Alphabet {
	return [
		// Words of commands the tutor runs, and of git commands that write or run things.
		{weight: 45, words: [
			'git', 'echo', 'cat', 'rm', 'touch', 'ls', 'pwd', 'hint', 'add', 'commit', 'push', 'status', 'log', 'init', 'clone',
			'archive', 'config', 'worktree', 'bundle', 'create', '-m', '-C', '-o', '-c', '-x', '-A', '--git-dir=', '--work-tree=',
			'--output=', '--exec=', '--separate-git-dir=', '--prefix=', 'notes.txt', 'todo.txt', 'photo.txt', 'x', 'main', 'origin',
			'alias.x', 'core.worktree', '!touch', '.', 'https://github.com/learner/shipment.git', 'https://github.com/learner/../../x.git',
			'mv', 'apply', 'fetch', '--template=', '--system', '--no-index', '-F', 'core.fsmonitor', 'sub', 'sub/.git/config',
		]},
		// Paths that lead out, and the links inside that do.
		{weight: 20, words: [
			'..', '../', '../x', '../../x', '/tmp/', `/tmp/${unique}`, '~/', `~/${unique}`, '.git/', '.git/config', '.git/hooks/x',
			`${work}/`, `${work}/canary/secret.txt`, 'escape-dir/', 'escape-file', 'dangling', 'escape-rel/x', 'file:///tmp/x',
		]},
		// Quotes, backslashes and shell operators.
		{weight: 12, words: ['"', '\'', '\\', '\u201C', '\u2019', ';', '|', '&&', '||', '>', '>>', '&', '<', '$(', ')', '`', '2>', '#', '=']},
		// Control characters.
		{weight: 4, words: ['\u0000', '\u0007', '\u001B[31m', '\u007F', '\t', '\r', '\u001B']},
		// Unicode.
		{weight: 8, words: ['é', 'e\u0301', '日本', '📦', '\u202E', '\u200B', 'ß', '\uFEFF', '\u{1F469}\u200D\u{1F4BB}']},
	];
}

const firstWords = ['git', 'git', 'git', 'echo', 'cat', 'rm', 'touch', 'ls'];

function randomLine(random: () => number, groups: Alphabet): string {
	const total = groups.reduce((sum, group) => sum + group.weight, 0);
	const pick = (): string => {
		let roll = random() * total;
		const group = groups.find(candidate => (roll -= candidate.weight) < 0) ?? groups[0]!;
		return group.words[Math.floor(random() * group.words.length)]!;
	};

	// Most lines start with a command, so they get past the first word and reach git or a helper.
	let line = random() < 0.7 ? firstWords[Math.floor(random() * firstWords.length)]! : pick();
	const count = Math.floor(random() * 5);
	for (let index = 0; index < count; index++) {
		// Mostly spaces between words, sometimes none, so paths and operators glue to words.
		line += (random() < 0.8 ? ' ' : '') + pick();
	}

	return line;
}

test('300 random hostile lines: no exception, a known result, nothing outside ~/shipment changes', async t => {
	const seed = 0x5E_ED_CA_FE;
	const random = mulberry32(seed);
	const w = await world(t);
	const groups = alphabet(w.work);
	const before = await w.snapshot();
	const kinds: Record<string, number> = {};
	for (let index = 1; index <= 300; index++) {
		const line = randomLine(random, groups);
		const where = `seed ${seed}, line ${index}: ${JSON.stringify(line)}`;
		let report: CommandReport;
		try {
			report = await w.run(line);
		} catch (error) {
			t.fail(`${where} threw: ${(error as Error).stack ?? String(error)}`);
			continue;
		}

		kinds[report.result.kind] = (kinds[report.result.kind] ?? 0) + 1;
		t.true(knownKinds.has(report.result.kind), `${where} gave ${report.result.kind}`);
		if (report.result.kind === 'refused') {
			t.true(report.result.message.trim().length > 0, where);
		}

		if (index % 50 === 0) {
			t.deepEqual(await w.snapshot(), before, `after ${where}`);
			assertNothingReal(t);
		}
	}

	t.log(`seed ${seed}:`, kinds);
	t.deepEqual(await w.snapshot(), before);
	const status = await w.run('git status');
	t.is(status.result.kind === 'git' ? status.result.result.exitCode : -1, 0, status.output);
	// The alphabet reaches both sides: plenty refused, and some lines really ran.
	t.true((kinds['refused'] ?? 0) > 50, JSON.stringify(kinds));
	t.true((kinds['git'] ?? 0) + (kinds['helper'] ?? 0) > 20, JSON.stringify(kinds));
});
