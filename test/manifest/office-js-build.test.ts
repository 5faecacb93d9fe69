/**
 * Where the pages get office.js (webpack.config.js): Microsoft's CDN, as Microsoft requires, with a
 * Content-Security-Policy that allows scripts from there and nothing else beyond the add-in; a copy
 * served with the add-in only when the build asks for it (QUY_HOACH_OFFICE_JS=self, closed networks).
 */
import { config } from '../../package.json';

type Plugin = { constructor: { name: string }; userOptions?: { filename: string; templateParameters?: { officeJs: string; csp: string } }; patterns?: { to?: string }[] };

async function build(selfHosted: boolean): Promise<Plugin[]> {
  const before = process.env.QUY_HOACH_OFFICE_JS;
  if (selfHosted) process.env.QUY_HOACH_OFFICE_JS = 'self';
  else delete process.env.QUY_HOACH_OFFICE_JS;
  try {
    jest.resetModules();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the config is CommonJS, read as webpack reads it
    const make = require('../../webpack.config.js') as (env: unknown, argv: { mode: string }) => Promise<{ plugins: Plugin[] }>;
    return (await make({}, { mode: 'production' })).plugins;
  } finally {
    if (before === undefined) delete process.env.QUY_HOACH_OFFICE_JS;
    else process.env.QUY_HOACH_OFFICE_JS = before;
  }
}

const page = (plugins: Plugin[], name: string) => plugins.find((p) => p.userOptions?.filename === name)?.userOptions?.templateParameters;
const copied = (plugins: Plugin[]) => plugins.flatMap((p) => p.patterns ?? []).map((p) => p.to);

test('by default the task pane and the function file load office.js from Microsoft’s CDN, and only that origin may give scripts', async () => {
  const plugins = await build(false);
  for (const name of ['taskpane.html', 'commands.html']) {
    const params = page(plugins, name)!;
    expect(params.officeJs).toBe(config.office_js);
    expect(params.csp).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    for (const directive of ["default-src 'self'", "connect-src 'self'", "frame-src 'self'", "object-src 'none'"]) expect(params.csp).toContain(directive);
  }
  expect(copied(plugins)).not.toContain('office-js');
});

test('QUY_HOACH_OFFICE_JS=self: a copy of office.js served with the add-in, and no other script origin', async () => {
  const plugins = await build(true);
  const params = page(plugins, 'taskpane.html')!;
  expect(params.officeJs).toBe('office-js/office.js');
  expect(params.csp).toContain("script-src 'self';");
  expect(params.csp).not.toContain('appsforoffice');
  expect(copied(plugins)).toContain('office-js');
});
