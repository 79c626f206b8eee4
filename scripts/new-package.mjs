// Writes the shell of a workspace package (package.json, tsconfig, tsup, vitest configs).
// Usage: node scripts/new-package.mjs <folder> '<json: {description, deps, devDeps, entries, bin}>'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [folder, json] = process.argv.slice(2);
const spec = JSON.parse(json ?? '{}');
const dir = join('packages', folder);
const name = `@isp/${folder}`;
const entries = spec.entries ?? ['index'];
mkdirSync(join(dir, 'src'), { recursive: true });

const exportsMap = {};
for (const e of entries) {
  const key = e === 'index' ? '.' : `./${e}`;
  const src = e === 'index' ? './src/index.ts' : `./src/${e}/index.ts`;
  const out = e === 'index' ? './dist/index' : `./dist/${e}/index`;
  exportsMap[key] = { '@isp/source': src, types: `${out}.d.ts`, default: `${out}.js` };
}
exportsMap['./package.json'] = './package.json';

const pkg = {
  name,
  version: '0.1.0',
  description: spec.description,
  license: 'MIT',
  type: 'module',
  sideEffects: false,
  exports: exportsMap,
  ...(spec.bin ? { bin: spec.bin } : {}),
  files: ['dist'],
  engines: { node: '>=20.19' },
  publishConfig: { access: 'public' },
  scripts: {
    build: 'tsup',
    typecheck: 'tsc -p tsconfig.json',
    test: 'vitest run',
    'lint:pkg': 'publint --strict && attw --pack . --profile esm-only',
  },
  dependencies: spec.deps ?? {},
  devDependencies: spec.devDeps ?? {},
  ...(spec.peer ? { peerDependencies: spec.peer, peerDependenciesMeta: spec.peerMeta } : {}),
};
writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
writeFileSync(
  join(dir, 'tsconfig.json'),
  JSON.stringify({ extends: '../../tsconfig.base.json', include: ['src', 'test', '*.ts'] }, null, 2) + '\n',
);
const tsupEntries = entries.map((e) => (e === 'index' ? 'src/index.ts' : `src/${e}/index.ts`));
if (spec.bin)
  tsupEntries.push(
    ...Object.values(spec.bin).map((b) => b.replace('./dist/', 'src/').replace(/\.js$/, '.ts')),
  );
const entryObj = Object.fromEntries(
  tsupEntries.map((p) => [p.replace(/^src\//, '').replace(/\.ts$/, ''), p]),
);
writeFileSync(
  join(dir, 'tsup.config.ts'),
  `import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ${JSON.stringify(entryObj, null, 2).replace(/"/g, "'")},
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  platform: 'node',
});
`,
);
writeFileSync(
  join(dir, 'vitest.config.ts'),
  `import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@isp/source', 'module', 'node', 'import', 'default'] },
  ssr: { resolve: { conditions: ['@isp/source', 'module', 'node', 'import', 'default'] } },
  test: {
    name: '${name}',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
`,
);
if (!existsSync(join(dir, 'README.md')))
  writeFileSync(join(dir, 'README.md'), `# ${name}\n\n${spec.description}\n`);
