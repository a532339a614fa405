// The nine ways out of the sandbox a hostile play found against the old deny-list, each as the
// learner would type it, through the real LessonSession. Every one must be refused (or end with
// nothing outside changed and no program run); each fails against the deny-list.
import {createHash} from 'node:crypto';
import {existsSync} from 'node:fs';
import {lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, symlink, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {LessonSession, type CommandReport} from '../source/tutor/lesson-session.ts';
import {gitOlderThan} from './helpers/git-version.ts';
import {sessionOptions, shippedLessons} from './helpers/lessons.ts';

const lessons = shippedLessons();
const addLesson = lessons.find(lesson => lesson.id === 'add')!;

type World = {work: string; repo: string; outside: string; run(line: string): Promise<CommandReport>; snapshot(): Promise<Record<string, string>>};

async function world(t: ExecutionContext): Promise<World> {
	const work = await mkdtemp(path.join(tmpdir(), 'gpt-allow-'));
	t.teardown(async () => rm(work, {recursive: true, force: true}));
	const outside = path.join(work, 'outside');
	await mkdir(outside);
	await writeFile(path.join(outside, 'secret.txt'), 'canary\n');
	const session = await LessonSession.start(addLesson, {...sessionOptions(lessons), workdir: work});
	t.teardown(async () => session.dispose());
	const {repo} = session.sandbox;
	const snapshot = async () => {
		const result: Record<string, string> = {};
		const walk = async (folder: string) => {
			for (const name of await readdir(folder)) {
				const full = path.join(folder, name);
				const stats = await lstat(full);
				if (stats.isSymbolicLink()) {
					result[full] = `link ${await readlink(full)}`;
				} else if (stats.isDirectory()) {
					await walk(full);
				} else {
					result[full] = createHash('sha256').update(await readFile(full)).digest('hex');
				}
			}
		};

		await walk(outside);
		return result;
	};

	return {work, repo, outside, run: async line => session.run(line), snapshot};
}

/** Runs the lines in order; the ones marked with ! must be refused (or fail without running git). */
async function play(t: ExecutionContext, w: World, lines: readonly string[]): Promise<void> {
	const before = await w.snapshot();
	for (const typed of lines) {
		const mustRefuse = typed.startsWith('!');
		const line = mustRefuse ? typed.slice(1) : typed;
		const report = await w.run(line);
		if (mustRefuse) {
			const refused = report.result.kind === 'refused' || (report.result.kind === 'helper' && report.result.exitCode !== 0);
			t.true(refused, `${line} should be refused, got ${report.result.kind}: ${report.output.slice(0, 300)}`);
		}
	}

	t.deepEqual(await w.snapshot(), before, 'nothing outside changed');
	t.false(existsSync(path.join(w.work, 'pwned')), 'no program ran');
	t.false(existsSync(path.join(w.repo, 'pwned')), 'no program ran');
}

test('1: settings written under a harmless section cannot be renamed into one that runs programs', async t => {
	const w = await world(t);
	await play(t, w, [
		'!git config tutor.textconv "touch ../pwned"',
		'!git config --rename-section tutor diff.x',
		'!git config tutor.driver "touch ../pwned"',
		'!git config --rename-section tutor merge.x',
		'!git config tutor.url ../outside',
		'!git config rename-section tutor remote.x',
		'!git config --rename-section user diff.x',
		'!git config --global --rename-section user diff.x',
		'echo "* diff=x" > .gitattributes',
		'git diff',
	]);
});

test('2: git init --separate-git-dir cannot make storage the file helpers can write', async t => {
	const w = await world(t);
	await play(t, w, [
		'!git init --separate-git-dir=gd',
		'!git init --separate-git-dir gd',
		'!git init --sep=gd',
		'!echo "[alias] st = !touch pwned" >> gd/config',
		'git status',
	]);
	t.false(existsSync(path.join(w.repo, 'gd')));
});

test('3: a nested bare clone (any name) is storage: its config and hooks cannot be written, nor made to run', async t => {
	const w = await world(t);
	await play(t, w, [
		'!git clone --bare https://github.com/learner/shipment.git x.git',
		'!git clone --mirror https://github.com/learner/shipment.git y.git',
		'!git update-index --chmod=+x notes.txt',
		'!git checkout-index -a --prefix=x.git/hooks/',
		'!git add --chmod=+x notes.txt',
	]);
	// Storage put together by hand, whatever its name, is recognised by what it holds.
	await w.run('git clone https://github.com/learner/shipment.git nest/objects');
	await w.run('git clone https://github.com/learner/shipment.git nest/refs');
	await play(t, w, [
		'!echo "ref: refs/heads/main" > nest/HEAD',
		'!echo "[core] fsmonitor = touch ../pwned" > nest/config',
		'!git clone https://github.com/learner/shipment.git nest/hooks',
		'!git push nest main',
	]);
	t.false(existsSync(path.join(w.repo, 'nest', 'HEAD')));
});

test('4: no setting can make the next clone or init copy a template from the repository', async t => {
	const w = await world(t);
	await play(t, w, [
		'!git config --global init.templateDir tpl',
		'!git config init.templateDir tpl',
		'!git config set --global init.templateDir tpl',
		'!git config --global --add init.templateDir tpl',
		'!git config --global --replace-all init.templatedir tpl',
		'!git clone --template=tpl https://github.com/learner/shipment.git copy',
	]);
});

test('5: a link that leads out is followed where it leads: link/.. paths are judged by where they land', async t => {
	const w = await world(t);
	await symlink(w.outside, path.join(w.repo, 'lnk'));
	await play(t, w, [
		'!git log --output=lnk/../outside/log.txt',
		'!git diff --output=lnk/new.txt',
		'!git push lnk/../outside/other.git main',
		'!git clone https://github.com/learner/shipment.git lnk/../outside/clone',
		'!git clone https://github.com/learner/shipment.git lnk/clone',
		'!git bundle create lnk/../outside/b.bundle --all',
		'!git diff --no-index lnk/secret.txt notes.txt',
		'!git diff --no-index lnk/../outside/secret.txt notes.txt',
		'!git add lnk/secret.txt',
		'!echo x > lnk/../outside/new.txt',
		'!cat lnk/../outside/secret.txt',
	]);
});

test('6: git reads each option exactly as the tutor does: no flag swallows a path, no --opt=value slips by', async t => {
	const w = await world(t);
	const other = path.join(w.outside, 'other.git');
	await play(t, w, [
		`!git fetch -n ${other}`,
		`!git fetch -n ../outside`,
		`!git clone -n https://github.com/learner/shipment.git -s ${other}`,
		`!git worktree add -b x --track ${other}`,
		`!git clone --reference=${other} https://github.com/learner/shipment.git copy`,
		`!git clone --templ=${other} https://github.com/learner/shipment.git copy`,
		`!git clone --shared https://github.com/learner/shipment.git copy`,
		`!git push -u ${other} main`,
		'!git commit -m x --file=../outside/secret.txt',
		`!git log --output ${w.outside}/log.txt`,
	]);
});

test('7: git commands that are not on the list do not run, whatever they would do', async t => {
	const w = await world(t);
	const secret = path.join(w.outside, 'secret.txt');
	await play(t, w, [
		`!git mailinfo ${secret} patch.txt`,
		'!git read-tree --index-output=../outside/index HEAD',
		'!git apply --build-fake-ancestor=../outside/x change.diff',
		'!git mailsplit -o../outside notes.txt',
		`!git interpret-trailers --in-place ${secret}`,
		`!git submodule add ${w.outside}`,
		`!git add --pathspec-from-file=${secret}`,
		`!git grep -f ${secret}`,
		`!git blame --ignore-revs-file=${secret} notes.txt`,
		`!git fast-export --import-marks=${secret} --all`,
		`!git fetch-pack ${w.outside}`,
		`!git upload-pack ${w.outside}`,
		`!git request-pull HEAD ${w.outside}`,
		'!git archive -o ../outside/a.tar HEAD',
	]);
	const said = await w.run('git mailinfo x y');
	t.is(said.result.kind === 'refused' ? said.result.message : '', 'The tutor runs the git commands of the course; git mailinfo is not one of them.');
});

test('8: settings that read files or run programs cannot be written, however git config is spelled', async t => {
	const w = await world(t);
	await play(t, w, [
		'!git config commit.template ../outside/secret.txt',
		'!git config core.excludesFile ../outside/secret.txt',
		'!git config mailmap.file ../outside/secret.txt',
		'!git config core.fsmonitor "touch ../pwned"',
		'!git config --add core.hooksPath ../outside',
		'!git config --file .git/config core.fsmonitor "touch ../pwned"',
		'!git config set core.pager "touch ../pwned"',
		'!git config --global --unset protocol.allow',
		'!git config --global --remove-section protocol',
		'!git config remote.origin.url ../outside/other.git',
		'!git config branch.main.remote ../outside/other.git',
		'!git config remote.x.uploadpack "touch ../pwned"',
		'!git config Alias.St "!touch ../pwned"',
	]);
});

test('9: paths reach git only inside ~/shipment, after links, and never git storage for writing', async t => {
	const w = await world(t);
	await symlink(path.join(w.outside, 'not-yet'), path.join(w.repo, 'dangling'));
	await play(t, w, [
		'!git diff --output=dangling',
		'!git diff --output=.git/config',
		'!git diff --output=../outside/x',
		'!git commit -F dangling',
		'!git rm -- ../outside/secret.txt',
		'!git stash push -- ../outside/secret.txt',
	]);
});

test('the commands of the course and a curious beginner run', async t => {
	const w = await world(t);
	const lines = [
		'git add notes.txt', 'git commit -m "Pack notes"', 'git status -sb', 'git status --short', 'git log --oneline --graph --all --decorate',
		'git log -1 --stat', 'git log -n 2 --format=%h', 'git diff --staged', 'git show HEAD:notes.txt', 'git branch -vv', 'git switch -c side',
		'git checkout main', 'git checkout -b other', 'git switch main', 'git remote add origin https://github.com/learner/shipment.git',
		'git remote -v', 'git remote get-url origin', 'git push -u origin main', 'git push --tags', 'git fetch --all --prune',
		'git pull --rebase', 'git pull --ff-only', 'git reflog show origin/main', 'git log origin/main@{0}', 'git config user.name "Ana"',
		'git config --global user.email x@y.z', 'git config --list', 'git config --get core.hooksPath', 'git config pull.rebase false',
		'git tag -a v1 -m "First"', 'git ls-files', 'git ls-remote origin', 'git rev-parse --abbrev-ref HEAD', 'git cat-file -p HEAD',
		'git describe --tags --always', 'git shortlog -sn', 'git blame notes.txt', 'git grep -n notes', 'git clean -n', 'git stash list',
		'echo more >> notes.txt', 'git stash -u', 'git stash pop', 'git commit -am "More"', 'git commit --amend --no-edit',
		'git push --force-with-lease', 'git reset --soft HEAD~1', 'git restore --staged notes.txt', 'git rm --cached notes.txt',
		'git add notes.txt', 'git commit -m again', 'git mv notes.txt moved.txt', 'git commit -m moved', 'git revert --no-edit HEAD',
		'git push origin --delete other', 'git remote rename origin github', 'git remote set-url github https://github.com/learner/shipment.git',
		'git --version', 'git version', 'git push -h', 'git clone https://github.com/learner/shipment.git copy', 'git init',
	];
	for (const line of lines.filter(line => !gitOlderThan('2.23') || !/^git (switch|restore)/.test(line))) {
		const report = await w.run(line);
		t.is(report.result.kind, line.startsWith('echo') ? 'helper' : 'git', `${line}: ${report.result.kind === 'refused' ? report.result.message : report.output}`);
	}
});

test('a lesson whose setup, step event or earlier solution holds a line the tutor refuses does not start, and says where', async t => {
	const broken = (where: 'setup' | 'onStart') => ({
		...addLesson,
		source: 'lessons/broken.json',
		setup: where === 'setup' ? [...addLesson.setup, {do: 'type' as const, line: 'git mailinfo a b'}] : addLesson.setup,
		steps: addLesson.steps.map((step, index) => (where === 'onStart' && index === 0 ? {...step, onStart: [{do: 'sam' as const, line: 'git config core.fsmonitor x'}]} : step)),
	});
	const setup = await t.throwsAsync(LessonSession.start(broken('setup'), sessionOptions(lessons)));
	t.regex(setup?.message ?? '', /^lessons\/broken\.json, setup\[\d+\]: "git mailinfo a b" failed: The tutor runs the git commands of the course/);
	const event = await t.throwsAsync(LessonSession.start(broken('onStart'), sessionOptions(lessons)));
	t.regex(event?.message ?? '', /^lessons\/broken\.json, step [\w-]+ > onStart\[0\]: "git config core\.fsmonitor x" failed/);
	// A lesson continuing from one whose solution the tutor refuses does not start either.
	const earlier = {...addLesson, id: 'earlier', source: 'lessons/earlier.json', steps: addLesson.steps.map((step, index) => (index === 0 ? {...step, solution: ['git mailinfo a b']} : step))};
	const later = {...addLesson, id: 'later', source: 'lessons/later.json', setup: [{do: 'continueFrom' as const, lesson: 'earlier'}]};
	const continued = await t.throwsAsync(LessonSession.start(later, sessionOptions([...lessons, earlier, later])));
	t.regex(continued?.message ?? '', /^lessons\/earlier\.json, step [\w-]+: "git mailinfo a b" failed/);
});

test('on a git older than 2.23, git switch and git restore are said to be too new, and git never looks for them on the PATH', async t => {
	const w = await world(t);
	const report = await w.run('git switch -c side');
	if (gitOlderThan('2.23')) {
		t.regex(report.result.kind === 'refused' ? report.result.message : '', /git switch arrived in git 2\.23, and this computer has git 2\.\d+/);
	} else {
		t.is(report.result.kind, 'git');
	}
});
