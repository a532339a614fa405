// explainText from hand-written minimal samples: each error the command recognises, the ways a
// paste arrives (colour, CRLF, a prompt, no hints, wrapped, two errors), and what is no error.
import test from 'ava';
import {explainText, type TextExplanation} from '../source/explain/explain-text.ts';
import {explanationLines, recognisedIds} from '../source/explain/explanation-lines.ts';
import type {FailureId} from '../source/explain/explanations.ts';

const samples: Record<string, {text: string; id: FailureId; says?: RegExp}> = {
	'no tracking': {id: 'no-tracking', text: '$ git pull\nThere is no tracking information for the current branch.\nPlease specify which branch you want to merge with.\n', says: /git pull origin <branch>/},
	'not a command': {id: 'not-a-command', text: '$ git psuh\ngit: \'psuh\' is not a git command. See \'git --help\'.\n\nThe most similar command is\n\tpush\n', says: /Did you mean git push\?/},
	'no destination': {id: 'no-destination', text: 'fatal: No configured push destination.\nEither specify the URL from the command-line or configure a remote repository using\n'},
	'no upstream': {id: 'no-upstream', text: 'fatal: The current branch feature has no upstream branch.\nTo push the current branch and set the remote as upstream, use\n\n    git push --set-upstream origin feature\n', says: /git push -u origin feature/},
	'fetch first': {id: 'fetch-first', text: 'To github.com:ann/shop.git\n ! [rejected]        main -> main (fetch first)\nerror: failed to push some refs to \'github.com:ann/shop.git\'\n', says: /main/},
	'non-fast-forward': {id: 'non-fast-forward', text: ' ! [rejected]        dev -> dev (non-fast-forward)\n', says: /dev/},
	'stale info': {id: 'stale-info', text: ' ! [rejected]        main -> main (stale info)\n'},
	'updated since checkout': {id: 'remote-updated-since-checkout', text: ' ! [rejected]        main -> main (remote ref updated since checkout)\n'},
	porcelain: {id: 'fetch-first', text: 'To /x/warehouse.git\n!\trefs/heads/main:refs/heads/main\t[rejected] (fetch first)\nDone\n'},
	'src refspec': {id: 'src-refspec', text: 'error: src refspec mian does not match any\n', says: /"mian"/},
	'remote exists': {id: 'remote-exists', text: 'error: remote upstream already exists.\n', says: /upstream/},
	'unknown remote': {id: 'unknown-remote', text: 'fatal: \'orign\' does not appear to be a git repository\nfatal: Could not read from remote repository.\n', says: /"orign"/},
	'mistyped address': {id: 'bad-address', text: 'fatal: \'/home/ann/shipmnet.git\' does not appear to be a git repository\n', says: /shipmnet/},
	divergent: {id: 'divergent-pull', text: 'fatal: Need to specify how to reconcile divergent branches.\n'},
	conflict: {id: 'merge-conflict', text: 'CONFLICT (content): Merge conflict in notes.txt\nAutomatic merge failed; fix conflicts and then commit the result.\n', says: /notes\.txt/},
	'local changes': {id: 'would-overwrite-changes', text: 'error: Your local changes to the following files would be overwritten by merge:\n\tnotes.txt\nAborting\n', says: /notes\.txt/},
	untracked: {id: 'would-overwrite-untracked', text: 'error: The following untracked working tree files would be overwritten by merge:\n\ttodo.txt\nAborting\n', says: /todo\.txt/},
	'rebase unsealed': {id: 'rebase-unsealed', text: 'error: cannot pull with rebase: You have unstaged changes.\nerror: please commit or stash them.\n'},
	unrelated: {id: 'unrelated-histories', text: 'fatal: refusing to merge unrelated histories\n'},
	detached: {id: 'detached-push', text: 'fatal: You are not currently on a branch.\nTo push the history leading to the current (detached HEAD)\nstate now, use\n\n    git push origin HEAD:<name-of-remote-branch>\n'},
	'upstream name': {id: 'upstream-name-differs', text: 'fatal: The upstream branch of your current branch does not match\nthe name of your current branch.  To push to the upstream branch\non the remote, use\n\n    git push origin HEAD:main\n\nTo push to the branch of the same name on the remote, use\n\n    git push origin fix\n', says: /origin\/main/},
	'tag here': {id: 'tag-exists', text: 'fatal: tag \'v1\' already exists\n', says: /v1/},
	'tag online': {id: 'tag-exists-online', text: ' ! [rejected]        v1 -> v1 (already exists)\n', says: /v1/},
	identity: {id: 'needs-identity', text: '*** Please tell me who you are.\n\nRun\n\n  git config --global user.email "you@example.com"\n'},
	'not a repository': {id: 'not-a-repository', text: 'fatal: not a git repository (or any of the parent directories): .git\n'},
	password: {id: 'password-removed', text: 'remote: Support for password authentication was removed on August 13, 2021.\nfatal: Authentication failed for \'https://github.com/ann/shop.git/\'\n', says: /token/},
	publickey: {id: 'publickey-denied', text: 'git@github.com: Permission denied (publickey).\nfatal: Could not read from remote repository.\n'},
	'not found': {id: 'repository-not-found', text: 'remote: Repository not found.\nfatal: repository \'https://github.com/ann/shp.git/\' not found\n', says: /shp\.git/},
	forbidden: {id: 'push-forbidden', text: 'remote: Permission to ann/shop.git denied to bob.\nfatal: unable to access \'https://github.com/ann/shop.git/\': The requested URL returned error: 403\n', says: /bob/},
	gh001: {id: 'large-file', text: 'remote: error: GH001: Large files detected. You may want to try Git Large File Storage - https://git-lfs.github.com.\nremote: error: File big.zip is 120.00 MB; this exceeds GitHub\'s file size limit of 100.00 MB\n ! [remote rejected] main -> main (pre-receive hook declined)\n', says: /big\.zip/},
	gh006: {id: 'protected-branch', text: 'remote: error: GH006: Protected branch update failed for refs/heads/main.\nremote: error: Changes must be made through a pull request.\n ! [remote rejected] main -> main (protected branch hook declined)\n', says: /pull request/},
	gh007: {id: 'private-email', text: 'remote: error: GH007: Your push would publish a private email address.\n ! [remote rejected] main -> main (push declined due to email privacy restrictions)\n'},
	hook: {id: 'hook-declined', text: ' ! [remote rejected] main -> main (pre-receive hook declined)\n'},
	'host https': {id: 'host-not-resolved', text: 'fatal: unable to access \'https://gthub.com/ann/shop.git/\': Could not resolve host: gthub.com\n', says: /gthub\.com/},
	'host ssh': {id: 'host-not-resolved', text: 'ssh: Could not resolve hostname gthub.com: Name or service not known\n'},
	'host key': {id: 'host-key-failed', text: 'Host key verification failed.\nfatal: Could not read from remote repository.\n'},
};

const ids = (result: TextExplanation) => (result.kind === 'explained' ? result.findings.map(finding => finding.id) : [result.kind]);

for (const [name, sample] of Object.entries(samples)) {
	test(`${name} is recognised as ${sample.id}, with its names and no placeholder left`, t => {
		const result = explainText(sample.text);
		t.deepEqual(ids(result), [sample.id]);
		const text = explanationLines(result).join('\n');
		t.notRegex(text, /{\w+}/);
		if (sample.says) {
			t.regex(text, sample.says);
		}
	});
}

test('every id explain recognises has a sample here', t => {
	const sampled = new Set(Object.values(samples).map(sample => sample.id));
	t.deepEqual(recognisedIds().filter(id => !sampled.has(id)), []);
});

test('the way out never starts with --force', t => {
	for (const sample of Object.values(samples)) {
		const result = explainText(sample.text);
		for (const finding of result.kind === 'explained' ? result.findings : []) {
			t.false(/^\W*git push (?:-f|--force)/.test(finding.wayOut), finding.id);
		}
	}
});

const fetchFirst = 'To github.com:ann/shop.git\n ! [rejected]        main -> main (fetch first)\nerror: failed to push some refs to \'github.com:ann/shop.git\'\nhint: Updates were rejected because the remote contains work that you do\n';

test('colours, CRLF and a pasted prompt change nothing', t => {
	const coloured = fetchFirst.replace('! [rejected]', '\u001B[31m! [rejected]\u001B[m').replace('hint:', '\u001B[33mhint:\u001B[m');
	t.deepEqual(ids(explainText(coloured)), ['fetch-first']);
	t.deepEqual(ids(explainText(fetchFirst.replaceAll('\n', '\r\n'))), ['fetch-first']);
	for (const prompt of ['$ git push', '~/shop (main) $ git push origin main', 'PS C:\\shop> git push origin main']) {
		t.deepEqual(ids(explainText(`${prompt}\n${fetchFirst}`)), ['fetch-first'], prompt);
	}
});

test('the pasted command names the remote', t => {
	const result = explainText(`~/shop (main) $ git push upstream main\n${fetchFirst.replace('main -> main', 'main -> main')}`);
	t.regex(explanationLines(result).join(' '), /git pull --no-rebase upstream main/);
});

test('without hint lines and wrapped by a narrow terminal it is still recognised', t => {
	t.deepEqual(ids(explainText(fetchFirst.split('\n').filter(line => !line.startsWith('hint:')).join('\n'))), ['fetch-first']);
	const wrapped = 'error: Your local changes to the following files would be overwritten by merge:\n\tnotes.txt\nPlease commit your changes or stash them before you merge.\n'
		.split('\n').flatMap(line => line.match(/.{1,40}/g) ?? ['']).join('\n');
	t.deepEqual(ids(explainText(wrapped)), ['would-overwrite-changes']);
});

test('two errors in one paste are explained in order, each once', t => {
	const noUpstream = '$ git push\nfatal: The current branch main has no upstream branch.\nTo push the current branch and set the remote as upstream, use\n\n    git push --set-upstream origin main\n';
	t.deepEqual(ids(explainText(`${noUpstream}$ git push -u origin main\n${fetchFirst}`)), ['no-upstream', 'fetch-first']);
	t.deepEqual(ids(explainText(`${fetchFirst}${fetchFirst}`)), ['fetch-first']);
});

test('a message in another language is answered as translated, with LC_ALL=C', t => {
	const result = explainText('$ git push\nfatal: no es un repositorio git (ni ninguno de los directorios superiores): .git\n');
	t.is(result.kind, 'translated');
	t.regex(explanationLines(result).join('\n'), /LC_ALL=C git push/);
	const unnamed = explainText('Schwerwiegend: Kein Git-Repository\n');
	t.is(unnamed.kind, 'translated');
	// Without the command line pasted, no command is guessed.
	t.regex(explanationLines(unnamed).join('\n'), /same git command again .*LC_ALL=C git …/s);
	t.notRegex(explanationLines(unnamed).join('\n'), /git push/);
	// The reason in parentheses is never translated.
	t.deepEqual(ids(explainText('To x\n ! [rejected]        main -> main (fetch first)\nFehler: Fehler beim Versenden einiger Referenzen nach \'x\'\n')), ['fetch-first']);
});

test('prose, a successful push and an empty paste are not explained', t => {
	for (const text of ['', '   \n', 'My push did not work, can you help?', 'To github.com:ann/shop.git\n   1a2b3c4..5d6e7f8  main -> main\n', 'Everything up-to-date\n']) {
		t.is(explainText(text).kind, 'unknown', JSON.stringify(text));
	}
});

test('the unknown answer lists what it can explain, from the catalogue', t => {
	const lines = explanationLines(explainText('hello'));
	t.true(lines.some(line => line.includes('No configured push destination')));
	t.true(lines.some(line => line.includes('GH006')));
});

test('lines fit 80 columns when a width is given', t => {
	for (const line of explanationLines(explainText(fetchFirst), 80)) {
		t.true(line.length <= 80, line);
	}
});

const wayOuts = (result: TextExplanation) => (result.kind === 'explained' ? result.findings.map(finding => finding.wayOut) : []);

test('"\'NAME\' does not appear to be a git repository" is an unknown remote only when the command named that remote', t => {
	const server = explainText('$ git push -u origin main\nfatal: \'project.git\' does not appear to be a git repository\nfatal: Could not read from remote repository.\n');
	t.deepEqual(ids(server), ['bad-address']);
	t.deepEqual(ids(explainText('$ git push orign main\nfatal: \'orign\' does not appear to be a git repository\n')), ['unknown-remote']);
	t.deepEqual(ids(explainText('fatal: \'origin\' does not appear to be a git repository\n')), ['unknown-remote']);
});

test('a push refused for a branch shipped under another name is mended on the branch shipped from, and pushed again the same way', t => {
	const [wayOut = ''] = wayOuts(explainText('$ git push origin feature:main\nTo /srv/w.git\n ! [rejected]        feature -> main (fetch first)\n'));
	t.regex(wayOut, /git switch feature.*git pull --no-rebase origin main.*push again as before/s);
	t.notRegex(wayOut, /git push origin main/);
});

test('two branches refused in one push are two errors, each mended on its own branch', t => {
	const result = explainText('$ git push origin main dev\nTo /srv/w.git\n ! [rejected]        main -> main (fetch first)\n ! [rejected]        dev -> dev (fetch first)\n');
	t.deepEqual(ids(result), ['fetch-first', 'fetch-first']);
	t.regex(wayOuts(result)[0]!, /git switch main/);
	t.regex(wayOuts(result)[1]!, /git switch dev/);
});

test('a branch named in the command is mended there unless the prompt shows the learner is on it; Oh My Zsh\'s prompt is a command line', t => {
	const zsh = explainText('➜  repo git:(main) ✗ git push origin dev\n ! [rejected]        dev -> dev (non-fast-forward)\n➜  repo git:(main) ✗ git push\n ! [rejected]        main -> main (non-fast-forward)\n');
	t.deepEqual(ids(zsh), ['non-fast-forward', 'non-fast-forward']);
	t.regex(wayOuts(zsh)[0]!, /git switch dev/);
	t.notRegex(wayOuts(zsh)[1]!, /git switch/);
	t.notRegex(wayOuts(explainText('~/x (dev) $ git push origin dev\n ! [rejected]        dev -> dev (non-fast-forward)\n'))[0]!, /git switch/);
});

test('English errors outside the catalogue are not called translated', t => {
	for (const text of ['$ git push --bad\nerror: unknown option `bad\'\nusage: git push [<options>] [<repository> [<refspec>...]]\n', 'fatal: invalid reference: nobranch\n', 'hint: or:\n']) {
		t.is(explainText(text).kind, 'unknown', text);
	}
});

test('the wordings follow what the paste establishes: no branch called HEAD, GitHub only for github.com, reading refused on a clone', t => {
	const upstream = explainText('$ git push\nerror: The upstream branch of your current branch does not match\nthe name of your current branch.  To push to the upstream branch\non the remote, use\n\n    git push origin HEAD:main\n\nTo push to the branch of the same name on the remote, use\n\n    git push origin HEAD\n');
	t.regex(JSON.stringify(upstream), /your current branch leads to origin\/main/);
	t.notRegex(JSON.stringify(upstream), /route saved for HEAD/);
	t.regex(JSON.stringify(explainText('$ git push -u origin HEAD\nerror: src refspec HEAD does not match any\n')), /Nothing is sealed yet/);
	t.notRegex(JSON.stringify(explainText('fatal: repository \'https://gitlab.com/a/b.git/\' not found\n')), /GitHub/);
	t.regex(JSON.stringify(explainText('fatal: repository \'https://github.com/a/b.git/\' not found\n')), /GitHub has no repository/);
	const clone = explainText('$ git clone https://github.com/a/b.git\nremote: Permission to a/b.git denied to deploy key\nfatal: unable to access \'https://github.com/a/b.git/\': The requested URL returned error: 403\n');
	t.regex(JSON.stringify(clone), /may not read/);
	t.notRegex(JSON.stringify(clone), /\(deploy\)|may not push/);
});

test('conflicts: a stash pop keeps its entry and needs no commit; a file deleted on one side has no markers', t => {
	const stash = explainText('$ git stash pop\nAuto-merging notes.txt\nCONFLICT (content): Merge conflict in notes.txt\nThe stash entry is kept in case you need it again.\n');
	t.regex(wayOuts(stash)[0]!, /git stash drop/);
	t.notRegex(wayOuts(stash)[0]!, /git commit/);
	const deleted = explainText('$ git merge dev\nCONFLICT (modify/delete): notes.txt deleted in HEAD and modified in dev.\nAutomatic merge failed; fix conflicts and then commit the result.\n');
	t.regex(wayOuts(deleted)[0]!, /git rm <file>/);
});

test('a divergent pull that named where from is answered with that command; prose quoting an error is not that error', t => {
	t.regex(wayOuts(explainText('$ git pull origin main\nfatal: Need to specify how to reconcile divergent branches.\n'))[0]!, /git pull origin main --no-rebase/);
	t.is(explainText('I fixed the "Repository not found" thing yesterday, now git push works fine:\nTo github.com:a/b.git\n   1a2b3c4..5d6e7f8  main -> main\n').kind, 'unknown');
	t.is(explainText('Someone wrote "not a git repository (or any of the parent directories)" in the chat.\n').kind, 'unknown');
});

test('src refspec: the way out is the pasted push with the branch\'s real name, its -u kept', t => {
	t.regex(wayOuts(explainText('$ git push -u origin main\nerror: src refspec main does not match any\n'))[0]!, /the same way: git push -u origin <branch>$/);
});

test('a second hostile reading: a refusal pasted without its command is mended on its branch, wherever the learner is', t => {
	const [wayOut = ''] = wayOuts(explainText('To github.com:alice/repo.git\n ! [rejected]        dev -> dev (fetch first)\n'));
	t.regex(wayOut, /git switch dev/);
	t.notRegex(wayOut, /origin dev/, 'no remote is guessed');
});

test('a second hostile reading: names with accents or foreign words in English errors are not a translation; git\'s translated lines without a prefix are', t => {
	for (const text of ['fatal: couldn\'t find remote ref función\n', 'fatal: invalid reference: café\n', 'warning: CRLF will be replaced by LF in Übersicht.md.\n', 'warning: adding embedded git repository: Bibliothèque\n', 'fatal: couldn\'t find remote ref die\n']) {
		t.is(explainText(text).kind, 'unknown', text);
	}

	for (const text of ['KONFLIKT (Inhalt): Merge-Konflikt in f\n', 'git: \'psuh\' ist kein Git-Befehl.\n', 'git : \'psuh\' n\'est pas une commande git.\n', 'fatal : amont invalide \'nosuch\'\n', 'error: remoto o ya existe.\n']) {
		t.is(explainText(text).kind, 'translated', text);
	}
});

test('a second hostile reading: prose that quotes git is not git, in backticks, after a prefix or on a rejected line; a wrapped git line still is', t => {
	for (const text of ['Earlier I got `remote: Repository not found.` but that was a typo, fixed now:\n', 'I fixed the "fatal: not a git repository (or any of the parent directories): .git" error\n', 'Yesterday I got "! [rejected] main -> main (fetch first)" but I fixed it\n', 'The tutorial says that when you see There is no tracking information for the current branch you should pull\n']) {
		t.is(explainText(text).kind, 'unknown', text);
	}

	t.deepEqual(ids(explainText('$ git push\nfatal: unable to access \'https://github.\ncom/sam/shipment.git/\': Could not resolv\ne host: github.com\n')), ['host-not-resolved']);
	t.deepEqual(ids(explainText('> fatal: No configured push destination.\n')), ['no-destination']);
});

test('a second hostile reading: a deploy key over ssh, an option\'s value, and git switch on an older git', t => {
	const deploy = explainText('$ git push\nERROR: Permission to alice/repo.git denied to deploy key\nfatal: Could not read from remote repository.\n');
	t.regex(JSON.stringify(deploy), /deploy key of alice\/repo/);
	t.notRegex(JSON.stringify(deploy), /403|credential manager/);
	t.notRegex(wayOuts(explainText('~/repo (main) $ git push -o ci.skip origin dev\n ! [rejected]        dev -> dev (fetch first)\n'))[0]!, /ci\.skip/);
	const restore = explainText('$ git restore notes.txt\ngit: \'restore\' is not a git command. See \'git --help\'.\n\nThe most similar command is\n\tremote\n');
	t.regex(JSON.stringify(restore), /arrived in git 2\.23/);
	t.notRegex(wayOuts(restore)[0]!, /git remote/);
});
