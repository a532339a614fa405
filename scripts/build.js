// Bundles the CLI into one minified ESM file so `npx git-push-tutor` starts fast
// and installs nothing at run time.
import {build} from 'esbuild';
import {chmodSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
	entryPoints: [`${root}source/cli.tsx`],
	outfile: `${root}dist/cli.js`,
	bundle: true,
	minify: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	legalComments: 'none',
	// Ink imports react-devtools-core only in development; an empty stub keeps it out.
	alias: {'react-devtools-core': `${root}scripts/empty-module.js`},
	define: {'process.env.NODE_ENV': '"production"', 'process.env.DEV': '"false"'},
	banner: {
		js: "#!/usr/bin/env node\nimport {createRequire as __cr} from 'node:module';const require=__cr(import.meta.url);",
	},
	logLevel: 'warning',
});

// npm sets this on install; a local run of dist/cli.js needs it too.
chmodSync(`${root}dist/cli.js`, 0o755);
