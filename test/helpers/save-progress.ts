// A second tutor saving progress: waits for the go file, then completes `count` lessons named
// PREFIX-0, PREFIX-1, … in the progress file, as fast as it can.
import {existsSync} from 'node:fs';
import process from 'node:process';
import {createProgressStore} from '../../source/progress/progress-store.ts';

const [file = '', prefix = '', count = '0'] = process.argv.slice(2);
const sleeper = new Int32Array(new SharedArrayBuffer(4));
while (!existsSync(`${file}.go`)) {
	Atomics.wait(sleeper, 0, 0, 2);
}

const store = createProgressStore({file});
for (let index = 0; index < Number(count); index++) {
	store.markLessonComplete(`${prefix}-${index}`);
}
