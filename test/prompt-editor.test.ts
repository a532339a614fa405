import test from 'ava';
import {emptyPrompt, maxValueLength, promptReducer, type PromptAction, type PromptState} from '../source/ui/prompt-editor.ts';

// Freezing every input proves the reducer never mutates the state React holds.
function deepFreeze(state: PromptState): PromptState {
	Object.freeze(state.history);
	return Object.freeze(state);
}

function run(state: PromptState, ...actions: PromptAction[]): PromptState {
	let current = state;
	for (const action of actions) {
		current = promptReducer(deepFreeze({...current, history: [...current.history]}), action);
	}

	return current;
}

function typed(text: string, cursor = text.length): PromptState {
	return {...emptyPrompt, value: text, cursor};
}

function withHistory(history: string[], value = '', cursor = value.length): PromptState {
	return {...emptyPrompt, value, cursor, history};
}

test('the empty prompt has nothing typed and no history', t => {
	t.deepEqual(emptyPrompt, {value: '', cursor: 0, history: [], historyIndex: undefined, draft: ''});
});

test('insert adds text at the cursor and moves the cursor after it', t => {
	const state = run(emptyPrompt, {type: 'insert', text: 'git'});
	t.is(state.value, 'git');
	t.is(state.cursor, 3);
});

test('typing fast, one key per insert, keeps every character in order', t => {
	const line = 'git commit -m "Add notes about branches"';
	const state = run(emptyPrompt, ...[...line].map((character): PromptAction => ({type: 'insert', text: character})));
	t.is(state.value, line);
	t.is(state.cursor, line.length);
});

test('insert in the middle of the line', t => {
	const state = run(typed('git stats', 7), {type: 'insert', text: 'u'});
	t.is(state.value, 'git stauts');
	t.is(state.cursor, 8);
	t.is(run(typed('world', 0), {type: 'insert', text: 'hello '}).value, 'hello world');
});

test('pasted text loses CR, LF and control characters, and tabs become spaces', t => {
	const state = run(emptyPrompt, {type: 'insert', text: 'git\tadd\r\nnotes.txt\u0007\u001B\u007F\u0000!'});
	t.is(state.value, 'git addnotes.txt!');
	t.is(state.cursor, state.value.length);
});

test('inserting only control characters changes nothing', t => {
	const state = typed('git', 1);
	t.deepEqual(run(state, {type: 'insert', text: '\r\n\u0003'}), state);
});

test('the value holds one character more than a command line may have, so an overlong line is refused, not cut', t => {
	t.is(maxValueLength, 10_001);
	const full = run(emptyPrompt, {type: 'insert', text: 'a'.repeat(10_050)});
	t.is(full.value.length, 10_001);
	t.is(full.cursor, 10_001);
	const more = run(full, {type: 'home'}, {type: 'insert', text: 'b'});
	t.is(more.value, 'a'.repeat(10_001));
	t.is(more.cursor, 0);
	const almost = run(typed('a'.repeat(9999)), {type: 'insert', text: 'xyz'});
	t.is(almost.value, `${'a'.repeat(9999)}xy`);
});

test('the cap never keeps half of an emoji', t => {
	const state = run(typed('a'.repeat(10_000)), {type: 'insert', text: '\u{1F600}'});
	t.is(state.value, 'a'.repeat(10_000));
});

test('backspace removes the character before the cursor', t => {
	const state = run(typed('git statuss'), {type: 'backspace'});
	t.is(state.value, 'git status');
	t.is(state.cursor, 10);
	const middle = run(typed('gitt add', 4), {type: 'backspace'});
	t.is(middle.value, 'git add');
	t.is(middle.cursor, 3);
});

test('backspace at the start does nothing', t => {
	const state = typed('git', 0);
	t.deepEqual(run(state, {type: 'backspace'}), state);
	t.deepEqual(run(emptyPrompt, {type: 'backspace'}), emptyPrompt);
});

test('delete removes the character under the cursor', t => {
	const state = run(typed('ggit', 0), {type: 'delete'});
	t.is(state.value, 'git');
	t.is(state.cursor, 0);
});

test('delete at the end does nothing', t => {
	const state = typed('git');
	t.deepEqual(run(state, {type: 'delete'}), state);
});

test('left and right move one character and stop at the edges', t => {
	t.is(run(typed('abc'), {type: 'left'}).cursor, 2);
	t.is(run(typed('abc', 0), {type: 'left'}).cursor, 0);
	t.is(run(typed('abc', 1), {type: 'right'}).cursor, 2);
	t.is(run(typed('abc'), {type: 'right'}).cursor, 3);
});

test('home and end jump to the ends of the line', t => {
	t.is(run(typed('git push', 4), {type: 'home'}).cursor, 0);
	t.is(run(typed('git push', 4), {type: 'end'}).cursor, 8);
});

test('wordLeft jumps to the start of the previous word', t => {
	const line = 'git push origin main';
	t.is(run(typed(line), {type: 'wordLeft'}).cursor, 16);
	t.is(run(typed(line), {type: 'wordLeft'}, {type: 'wordLeft'}).cursor, 9);
	t.is(run(typed(line, 11), {type: 'wordLeft'}).cursor, 9);
	t.is(run(typed('git   push', 6), {type: 'wordLeft'}).cursor, 0);
	t.is(run(typed(line, 0), {type: 'wordLeft'}).cursor, 0);
});

test('wordRight jumps to the end of the next word', t => {
	const line = 'git push origin/main';
	t.is(run(typed(line, 0), {type: 'wordRight'}).cursor, 3);
	t.is(run(typed(line, 0), {type: 'wordRight'}, {type: 'wordRight'}).cursor, 8);
	t.is(run(typed(line, 8), {type: 'wordRight'}).cursor, 20);
	t.is(run(typed(line), {type: 'wordRight'}).cursor, 20);
});

test('Ctrl+U deletes everything before the cursor', t => {
	const state = run(typed('git psuh origin', 8), {type: 'deleteToStart'});
	t.is(state.value, ' origin');
	t.is(state.cursor, 0);
});

test('Ctrl+K deletes everything after the cursor', t => {
	const state = run(typed('git push --force', 8), {type: 'deleteToEnd'});
	t.is(state.value, 'git push');
	t.is(state.cursor, 8);
});

test('Ctrl+W deletes the word before the cursor, with the spaces after it', t => {
	const state = run(typed('git push origin main'), {type: 'deleteWordBack'});
	t.is(state.value, 'git push origin ');
	t.is(state.cursor, 16);
	const again = run(state, {type: 'deleteWordBack'});
	t.is(again.value, 'git push ');
	const middle = run(typed('git push origin main', 15), {type: 'deleteWordBack'});
	t.is(middle.value, 'git push  main');
	t.is(middle.cursor, 9);
	t.deepEqual(run(typed('git', 0), {type: 'deleteWordBack'}), typed('git', 0));
});

test('the cursor never lands inside an emoji', t => {
	const smile = '\u{1F600}';
	const line = `a${smile}b`;
	t.is(run(typed(line), {type: 'left'}, {type: 'left'}).cursor, 1);
	t.is(run(typed(line, 1), {type: 'right'}).cursor, 3);
	const back = run(typed(line, 3), {type: 'backspace'});
	t.is(back.value, 'ab');
	t.is(back.cursor, 1);
	t.is(run(typed(line, 1), {type: 'delete'}).value, 'ab');
	// A stale cursor from the caller is moved off the middle of the pair.
	t.is(run(typed(line, 2), {type: 'insert', text: 'x'}).value, `ax${smile}b`);
});

test('a cursor out of range is clamped before acting', t => {
	t.is(run(typed('abc', 99), {type: 'insert', text: 'd'}).value, 'abcd');
	t.is(run(typed('abc', -5), {type: 'insert', text: 'z'}).value, 'zabc');
});

test('history up shows the newest entry and saves the unsent draft', t => {
	const state = run(withHistory(['git status', 'git add .'], 'git com'), {type: 'historyUp'});
	t.is(state.value, 'git add .');
	t.is(state.cursor, 9);
	t.is(state.historyIndex, 1);
	t.is(state.draft, 'git com');
});

test('history up goes older and stops at the oldest entry', t => {
	const start = withHistory(['one', 'two', 'three']);
	t.is(run(start, {type: 'historyUp'}, {type: 'historyUp'}).value, 'two');
	const oldest = run(start, {type: 'historyUp'}, {type: 'historyUp'}, {type: 'historyUp'}, {type: 'historyUp'}, {type: 'historyUp'});
	t.is(oldest.value, 'one');
	t.is(oldest.historyIndex, 0);
});

test('history down goes newer and past the newest restores the draft exactly', t => {
	const draft = '  git commit -m "half typed ';
	const start = withHistory(['one', 'two'], draft, 5);
	const older = run(start, {type: 'historyUp'}, {type: 'historyUp'});
	t.is(older.value, 'one');
	const newer = run(older, {type: 'historyDown'});
	t.is(newer.value, 'two');
	const back = run(newer, {type: 'historyDown'});
	t.is(back.value, draft);
	t.is(back.cursor, draft.length);
	t.is(back.historyIndex, undefined);
	t.is(back.draft, '');
	t.deepEqual(run(back, {type: 'historyDown'}), back);
});

test('history up with no history keeps what is typed', t => {
	const state = typed('git st');
	t.deepEqual(run(state, {type: 'historyUp'}), state);
});

test('editing a recalled entry does not change the history', t => {
	const start = withHistory(['git status', 'git add .']);
	const edited = run(start, {type: 'historyUp'}, {type: 'backspace'}, {type: 'insert', text: 'notes.txt'});
	t.is(edited.value, 'git add notes.txt');
	t.deepEqual(edited.history, ['git status', 'git add .']);
	const again = run(edited, {type: 'historyUp'}, {type: 'historyDown'});
	t.is(again.value, 'git add .');
});

test('submitting a recalled and edited entry adds it as a new entry', t => {
	const state = run(withHistory(['git add .']), {type: 'historyUp'}, {type: 'insert', text: ' -A'}, {type: 'submit'});
	t.deepEqual(state.history, ['git add .', 'git add . -A']);
	t.is(state.value, '');
	t.is(state.historyIndex, undefined);
});

test('submit pushes the line to history and resets the prompt', t => {
	const state = run(withHistory(['git status'], 'git push', 3), {type: 'submit'});
	t.deepEqual(state, {value: '', cursor: 0, history: ['git status', 'git push'], historyIndex: undefined, draft: ''});
});

test('submit resets history browsing and the saved draft', t => {
	const state = run(withHistory(['git status'], 'draft'), {type: 'historyUp'}, {type: 'submit'});
	t.is(state.historyIndex, undefined);
	t.is(state.draft, '');
	t.is(state.value, '');
	t.deepEqual(state.history, ['git status']);
});

test('submit skips blank lines', t => {
	t.deepEqual(run(typed(''), {type: 'submit'}).history, []);
	t.deepEqual(run(withHistory(['git status'], '  \t '), {type: 'submit'}).history, ['git status']);
});

test('submit skips a line equal to the newest entry but keeps older repeats', t => {
	t.deepEqual(run(withHistory(['git status', 'git add .'], 'git add .'), {type: 'submit'}).history, ['git status', 'git add .']);
	t.deepEqual(run(withHistory(['git status', 'git add .'], 'git status'), {type: 'submit'}).history, ['git status', 'git add .', 'git status']);
});

test('history keeps only the newest 200 entries', t => {
	let state = emptyPrompt;
	for (let index = 1; index <= 205; index++) {
		state = run(state, {type: 'insert', text: `echo ${index}`}, {type: 'submit'});
	}

	t.is(state.history.length, 200);
	t.is(state.history[0], 'echo 6');
	t.is(state.history.at(-1), 'echo 205');
});

test('clear empties the line but keeps history', t => {
	const state = run(withHistory(['git status'], 'git pu'), {type: 'clear'});
	t.deepEqual(state, {value: '', cursor: 0, history: ['git status'], historyIndex: undefined, draft: ''});
});

test('clear while browsing history leaves browsing and history intact', t => {
	const state = run(withHistory(['git status', 'git log'], 'draft'), {type: 'historyUp'}, {type: 'clear'});
	t.is(state.value, '');
	t.is(state.historyIndex, undefined);
	t.deepEqual(state.history, ['git status', 'git log']);
	t.is(run(state, {type: 'historyUp'}).value, 'git log');
});
