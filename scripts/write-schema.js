// Writes lesson.schema.json and pack.schema.json (in assets/schema/ and the example pack's schema/)
// from source/lessons/lesson-schema.ts.
// Run after changing a check, a setup action or a lesson field: test/lesson-schema.test.ts fails
// until the committed files match. Run with tsx (npm run schema), which loads the TypeScript.
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {schemaFiles} from '../source/lessons/lesson-schema.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
for (const [file, text] of Object.entries(schemaFiles())) {
	mkdirSync(path.dirname(path.join(root, file)), {recursive: true});
	writeFileSync(path.join(root, file), text);
	console.log(`wrote ${file}`);
}
