// A progress store's file system in memory (memfs), so tests never touch the real config folder.
import {createFsFromVolume, Volume} from 'memfs';
import type {ProgressFs} from '../../source/progress/progress-store.ts';

export function memoryProgressFs(files: Record<string, string> = {}) {
	const volume = Volume.fromJSON(files);
	const memory = createFsFromVolume(volume);
	// Explicit wrappers so a test can replace one method without touching the others.
	const fs: ProgressFs = {
		readFileSync: memory.readFileSync.bind(memory) as ProgressFs['readFileSync'],
		writeFileSync: memory.writeFileSync.bind(memory) as ProgressFs['writeFileSync'],
		renameSync: memory.renameSync.bind(memory) as ProgressFs['renameSync'],
		mkdirSync: memory.mkdirSync.bind(memory) as ProgressFs['mkdirSync'],
		rmSync: memory.rmSync.bind(memory) as ProgressFs['rmSync'],
		statSync: memory.statSync.bind(memory) as ProgressFs['statSync'],
		existsSync: memory.existsSync.bind(memory) as ProgressFs['existsSync'],
	};
	return {volume, memory, fs};
}
