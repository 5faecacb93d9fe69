#!/usr/bin/env node
// Offline check of the add-in manifest (no network; `office-addin-manifest validate` needs one).
//
//   node scripts/validate-manifest.mjs [manifest.xml] [--json] [--root DIR] [--xsd-dir DIR]
//                                      [--dist DIR] [--no-dist] [--base URL]
//
// 1. schema: the manifest against Microsoft's add-in manifest XSDs in vendor/office-manifest-xsd/
//    (OfficeAppManifestV1_1.xsd plus the files it imports), with xmllint-wasm (libxml2 in wasm).
// 2. what the schema cannot see:
//    - every `resid` names a resource of the right kind (bt:Image / bt:Url / bt:String in
//      ShortStrings or LongStrings) defined in the Resources of its VersionOverrides;
//    - resource ids are unique; control and group ids are unique; unused resources are warned about;
//    - every https://localhost:<port>/<path> URL (DefaultValue / Value attributes) is produced by the
//      build: a small table maps the URL path to its source file, and dist/ is checked when present;
//    - every icon is a PNG whose IHDR size is what the manifest asks for (size="N" on Icon images,
//      ids like Icon.16x16, IconUrl = 32 px, HighResolutionIconUrl = 64 px), and every Icon list
//      has the mandatory 16, 32 and 80 px images;
//    - each <Host xsi:type="…"> in VersionOverrides is declared in the top-level <Hosts>.
// Exit status 1 on any error. `validateManifest` is exported for tests and other scripts.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const SCRIPT_DIR = path.dirname(fileURLToPath(import.meta.url));
const DEFAULT_REPO_ROOT = path.resolve(SCRIPT_DIR, '..');

const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  mailor: 'http://schemas.microsoft.com/office/mailappversionoverrides',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  xml: 'http://www.w3.org/XML/1998/namespace',
  xmlns: 'http://www.w3.org/2000/xmlns/',
};

const MAIN_XSD = 'OfficeAppManifestV1_1.xsd';

/**
 * How the build (webpack) lays out what the dev server serves: URL path → the source file the
 * build turns into it. Keep in step with webpack.config.js.
 */
export const BUILD_OUTPUTS = [
  { url: 'taskpane.html', source: 'src/taskpane/taskpane.html' },
  { url: 'commands.html', source: 'src/commands/commands.html' },
  { urlPrefix: 'assets/', sourcePrefix: 'assets/' },
];

/** Resource kinds: the Resources child that holds them, and the element name of an entry. */
const RESOURCE_KINDS = {
  image: { group: 'Images', item: 'Image', label: 'bt:Image in bt:Images' },
  url: { group: 'Urls', item: 'Url', label: 'bt:Url in bt:Urls' },
  short: { group: 'ShortStrings', item: 'String', label: 'bt:String in bt:ShortStrings' },
  long: { group: 'LongStrings', item: 'String', label: 'bt:String in bt:LongStrings' },
};

/** The kind of resource an element with `resid` needs, by its local name (schema types). */
const RESID_KIND_BY_ELEMENT = {
  Image: 'image', // bt:ImageResourceReference
  SourceLocation: 'url', // bt:URLResourceReference
  FunctionFile: 'url',
  LearnMoreUrl: 'url',
  Label: 'short', // bt:ShortResourceReference
  Title: 'short',
  Namespace: 'short',
  Description: 'long', // bt:LongResourceReference
};

/** Sizes every Icon list must hold (TaskPaneAppVersionOverrides: "Mandatory values are 16, 32, and 80"). */
const MANDATORY_ICON_SIZES = [16, 32, 80];

// ---------------------------------------------------------------------------
// A small namespace-aware XML reader: enough for a manifest (elements, attributes, text,
// comments, CDATA, processing instructions), with line numbers. No DTDs.

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (m, e) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return String.fromCodePoint(code);
    }
    if (e in ENTITIES) return ENTITIES[e];
    throw new Error(`unknown entity ${m}`);
  });
}

function splitQName(qname) {
  const i = qname.indexOf(':');
  return i < 0 ? { prefix: '', local: qname } : { prefix: qname.slice(0, i), local: qname.slice(i + 1) };
}

/**
 * Parses XML text into { root, elements } where each element is
 * { name, local, ns, attrs: [{ name, local, ns, value }], attr(local, ns?), children, parent, line, text, nsMap }.
 * Throws on malformed input (the schema step reports it in detail).
 */
export function parseXml(text) {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (offset) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };

  const doc = { children: [], nsMap: { xml: NS.xml, xmlns: NS.xmlns }, parent: null, text: '' };
  const elements = [];
  const stack = [doc];
  const startTag = /<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
  const attrRe = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  const endTag = /<\/([A-Za-z_][\w.:-]*)\s*>/y;
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const chunkEnd = lt < 0 ? text.length : lt;
    if (chunkEnd > i) {
      const t = text.slice(i, chunkEnd);
      if (stack.length === 1) {
        if (t.trim()) throw new Error(`line ${lineOf(i)}: text outside the root element`);
      } else {
        stack[stack.length - 1].text += decodeEntities(t);
      }
    }
    if (lt < 0) break;
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      if (end < 0) throw new Error(`line ${lineOf(lt)}: unterminated comment`);
      i = end + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      if (end < 0) throw new Error(`line ${lineOf(lt)}: unterminated CDATA section`);
      stack[stack.length - 1].text += text.slice(lt + 9, end);
      i = end + 3;
    } else if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt + 2);
      if (end < 0) throw new Error(`line ${lineOf(lt)}: unterminated processing instruction`);
      i = end + 2;
    } else if (text.startsWith('<!', lt)) {
      throw new Error(`line ${lineOf(lt)}: DOCTYPE / DTD declarations are not allowed in a manifest`);
    } else if (text.startsWith('</', lt)) {
      endTag.lastIndex = lt;
      const m = endTag.exec(text);
      if (!m) throw new Error(`line ${lineOf(lt)}: malformed end tag`);
      const open = stack[stack.length - 1];
      if (stack.length === 1 || open.name !== m[1]) {
        throw new Error(`line ${lineOf(lt)}: end tag </${m[1]}> does not match <${open.name ?? ''}>`);
      }
      stack.pop();
      i = endTag.lastIndex;
    } else {
      startTag.lastIndex = lt;
      const m = startTag.exec(text);
      if (!m) throw new Error(`line ${lineOf(lt)}: malformed start tag`);
      const parent = stack[stack.length - 1];
      if (parent === doc && doc.children.length > 0) throw new Error(`line ${lineOf(lt)}: more than one root element`);
      const rawAttrs = [];
      for (const a of m[2].matchAll(attrRe)) rawAttrs.push({ name: a[1], value: decodeEntities(a[2] ?? a[3]) });
      const nsMap = { ...parent.nsMap };
      for (const a of rawAttrs) {
        if (a.name === 'xmlns') nsMap[''] = a.value;
        else if (a.name.startsWith('xmlns:')) nsMap[a.name.slice(6)] = a.value;
      }
      const line = lineOf(lt);
      const { prefix, local } = splitQName(m[1]);
      if (prefix && !(prefix in nsMap)) throw new Error(`line ${line}: undeclared namespace prefix "${prefix}"`);
      const seen = new Set();
      const attrs = rawAttrs.map((a) => {
        const q = splitQName(a.name);
        if (q.prefix && !(q.prefix in nsMap)) throw new Error(`line ${line}: undeclared namespace prefix "${q.prefix}"`);
        if (seen.has(a.name)) throw new Error(`line ${line}: duplicate attribute ${a.name}`);
        seen.add(a.name);
        return { name: a.name, local: q.local, ns: q.prefix ? nsMap[q.prefix] : '', value: a.value };
      });
      const el = {
        name: m[1],
        local,
        ns: nsMap[prefix] ?? '',
        attrs,
        children: [],
        parent: parent === doc ? null : parent,
        line,
        text: '',
        nsMap,
        attr(localName, ns = '') {
          const found = this.attrs.find((a) => a.local === localName && a.ns === ns);
          return found ? found.value : undefined;
        },
      };
      parent.children.push(el);
      elements.push(el);
      if (m[3] !== '/') stack.push(el);
      i = startTag.lastIndex;
    }
  }
  if (stack.length > 1) throw new Error(`unclosed element <${stack[stack.length - 1].name}>`);
  if (doc.children.length === 0) throw new Error('no root element');
  return { root: doc.children[0], elements };
}

/** Local part of a QName-valued attribute such as xsi:type="ov:Workbook". */
function qnameLocal(value) {
  return value === undefined ? undefined : splitQName(value.trim()).local;
}

function ancestors(el) {
  const list = [];
  for (let p = el.parent; p; p = p.parent) list.push(p);
  return list;
}

function describe(el) {
  return `<${el.name}> (line ${el.line})`;
}

// ---------------------------------------------------------------------------
// PNG

/** Reads width and height from a PNG's IHDR, or returns { error }. */
export function readPngSize(file) {
  let buf;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      buf = Buffer.alloc(24);
      const n = fs.readSync(fd, buf, 0, 24, 0);
      buf = buf.subarray(0, n);
    } finally {
      fs.closeSync(fd);
    }
  } catch (err) {
    return { error: `cannot read: ${err.message}` };
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (buf.length < 24 || !buf.subarray(0, 8).equals(signature)) return { error: 'is not a PNG file' };
  if (buf.toString('ascii', 12, 16) !== 'IHDR') return { error: 'is a PNG without an IHDR chunk first' };
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

// ---------------------------------------------------------------------------
// Schema step

async function validateSchema(manifestText, manifestName, xsdDir) {
  const errors = [];
  if (!fs.existsSync(path.join(xsdDir, MAIN_XSD))) {
    errors.push(`schema: ${MAIN_XSD} not found in ${xsdDir} (the XSDs are kept in vendor/office-manifest-xsd/; pass --xsd-dir)`);
    return { errors, files: 0 };
  }
  const xsdFiles = fs.readdirSync(xsdDir).filter((f) => f.endsWith('.xsd')).sort();
  const read = (f) => ({ fileName: f, contents: fs.readFileSync(path.join(xsdDir, f), 'utf8') });
  let result;
  try {
    const { validateXML } = require('xmllint-wasm');
    result = await validateXML({
      xml: [{ fileName: manifestName, contents: manifestText }],
      schema: [read(MAIN_XSD)],
      preload: xsdFiles.filter((f) => f !== MAIN_XSD).map(read),
    });
  } catch (err) {
    errors.push(`schema: xmllint-wasm could not run: ${err instanceof Error ? err.message : String(err)}`);
    return { errors, files: xsdFiles.length };
  }
  if (!result.valid) {
    const located = result.errors.filter((e) => e.loc);
    for (const e of located.length ? located : result.errors) {
      const where = e.loc ? `line ${e.loc.lineNumber}: ` : '';
      const message = e.message
        .replaceAll(`{${NS.bt}}`, 'bt:')
        .replace(/\{http[^}]*\}/g, '')
        .replace(/^Schemas validity error : /, '')
        .trim();
      errors.push(`schema: ${where}${message}`);
    }
    if (errors.length === 0) errors.push(`schema: invalid (${result.rawOutput.trim()})`);
  }
  return { errors, files: xsdFiles.length };
}

// ---------------------------------------------------------------------------
// The checks the schema cannot make

function checkResources(elements, errors, warnings, stats) {
  // Resources are scoped to the VersionOverrides that holds them (nested overrides may have their own).
  const scopes = new Map(); // Resources element → Map(id → { kind, el, urls: [] })
  const resourcesEls = elements.filter((el) => el.local === 'Resources' && el.parent?.local === 'VersionOverrides');
  for (const resEl of resourcesEls) {
    const table = new Map();
    scopes.set(resEl, table);
    for (const group of resEl.children) {
      const kind = Object.keys(RESOURCE_KINDS).find((k) => RESOURCE_KINDS[k].group === group.local);
      if (!kind || group.ns !== NS.bt) continue;
      for (const item of group.children) {
        if (item.ns !== NS.bt || item.local !== RESOURCE_KINDS[kind].item) continue;
        const id = item.attr('id');
        if (id === undefined) continue; // schema reports it
        stats.resources++;
        const previous = table.get(id);
        if (previous) {
          errors.push(
            `resource: id "${id}" is defined more than once (${describe(previous.el)} in ${RESOURCE_KINDS[previous.kind].group}, ` +
              `${describe(item)} in ${RESOURCE_KINDS[kind].group}); resource ids must be unique`,
          );
          continue;
        }
        const locales = new Set();
        for (const o of item.children.filter((c) => c.local === 'Override')) {
          const locale = o.attr('Locale');
          if (locale && locales.has(locale.toLowerCase())) {
            errors.push(`resource: "${id}" has two overrides for locale ${locale} (line ${o.line})`);
          }
          if (locale) locales.add(locale.toLowerCase());
        }
        table.set(id, { kind, el: item, used: false });
      }
    }
  }

  const lookup = (el) => {
    for (const a of ancestors(el)) {
      if (a.local !== 'VersionOverrides') continue;
      const resEl = a.children.find((c) => c.local === 'Resources');
      if (resEl && scopes.has(resEl)) return scopes.get(resEl);
    }
    return undefined;
  };

  for (const el of elements) {
    const resid = el.attr('resid');
    if (resid === undefined) continue;
    stats.resids++;
    const need = RESID_KIND_BY_ELEMENT[el.local];
    const table = lookup(el);
    if (!table) {
      errors.push(`resid: "${resid}" on ${describe(el)} has no <Resources> in its VersionOverrides to resolve against`);
      continue;
    }
    const entry = table.get(resid);
    if (!entry) {
      const wanted = need ? RESOURCE_KINDS[need].label : 'resource';
      errors.push(`resid: "${resid}" on ${describe(el)} is not defined: no ${wanted} has id="${resid}"`);
      continue;
    }
    entry.used = true;
    if (need && entry.kind !== need) {
      errors.push(
        `resid: "${resid}" on ${describe(el)} refers to a ${RESOURCE_KINDS[entry.kind].label} (line ${entry.el.line}), ` +
          `but <${el.local}> needs a ${RESOURCE_KINDS[need].label}`,
      );
    }
  }

  for (const table of scopes.values()) {
    for (const [id, entry] of table) {
      if (!entry.used) warnings.push(`resource: "${id}" (${describe(entry.el)}) is never referenced by a resid`);
    }
  }
}

function checkIds(elements, errors) {
  // Group and control ids must be unique within the manifest (the host keys its ribbon state on them).
  const seen = new Map();
  for (const el of elements) {
    if (!['Group', 'Control', 'Item', 'CustomTab'].includes(el.local) || el.ns === NS.bt) continue;
    const id = el.attr('id');
    if (id === undefined) continue;
    const prev = seen.get(id);
    if (prev) errors.push(`ids: id "${id}" is used by ${describe(prev)} and ${describe(el)}; group/control ids must be unique`);
    else seen.set(id, el);
  }
}

function checkHosts(root, elements, errors) {
  const declared = new Set(
    root.children
      .filter((c) => c.local === 'Hosts')
      .flatMap((h) => h.children)
      .filter((h) => h.local === 'Host')
      .map((h) => h.attr('Name'))
      .filter(Boolean),
  );
  for (const el of elements) {
    if (el.local !== 'Host' || !ancestors(el).some((a) => a.local === 'VersionOverrides')) continue;
    const type = qnameLocal(el.attr('type', NS.xsi));
    const expected = type === 'MailHost' ? 'Mailbox' : type;
    if (expected && !declared.has(expected)) {
      errors.push(
        `hosts: ${describe(el)} has xsi:type="${type}" but the top-level <Hosts> has no <Host Name="${expected}">` +
          ` (declared: ${[...declared].join(', ') || 'none'})`,
      );
    }
  }
}

function checkIconLists(elements, errors, warnings) {
  for (const icon of elements) {
    if (icon.local !== 'Icon' || icon.ns === NS.bt) continue;
    const images = icon.children.filter((c) => c.local === 'Image');
    if (images.length === 0) continue; // not an IconList
    const sizes = images.map((i) => Number(i.attr('size')));
    const owner = icon.parent ? `${describe(icon.parent)}${icon.parent.attr('id') ? ` id="${icon.parent.attr('id')}"` : ''}` : 'the manifest';
    for (const need of MANDATORY_ICON_SIZES) {
      if (!sizes.includes(need)) errors.push(`icon: the <Icon> of ${owner} has no ${need}px image (16, 32 and 80 are mandatory)`);
    }
    const dup = sizes.filter((s, k) => sizes.indexOf(s) !== k);
    for (const s of new Set(dup)) warnings.push(`icon: the <Icon> of ${owner} lists size ${s} twice`);
  }
}

/** URL-valued attributes: DefaultValue / Value anywhere that hold an absolute URL. */
function collectUrls(elements) {
  const urls = [];
  for (const el of elements) {
    for (const a of el.attrs) {
      if (a.ns !== '' || (a.local !== 'DefaultValue' && a.local !== 'Value')) continue;
      if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(a.value.trim())) continue;
      // The element that owns the setting: <IconUrl DefaultValue> or <IconUrl><Override Value>.
      const owner = el.local === 'Override' && el.parent ? el.parent : el;
      urls.push({ url: a.value.trim(), el, owner, attr: a.local });
    }
  }
  return urls;
}

/** Expected pixel size of an image URL by where it is used; [] when it is not an icon. */
function expectedIconSizes(owner, elements) {
  if (owner.local === 'IconUrl' && owner.ns === NS.app) return [{ size: 32, why: 'IconUrl is 32×32' }];
  if (owner.local === 'HighResolutionIconUrl' && owner.ns === NS.app) return [{ size: 64, why: 'HighResolutionIconUrl is 64×64' }];
  if (!(owner.local === 'Image' && owner.ns === NS.bt && owner.parent?.local === 'Images')) return [];
  const id = owner.attr('id');
  const list = [];
  const m = /(\d+)x(\d+)/i.exec(id ?? '');
  if (m && m[1] === m[2]) list.push({ size: Number(m[1]), why: `its id "${id}" says ${m[1]}×${m[2]}` });
  for (const el of elements) {
    if (el.local !== 'Image' || el.attr('resid') !== id || el.attr('size') === undefined) continue;
    const size = Number(el.attr('size'));
    if (!list.some((e) => e.size === size)) list.push({ size, why: `it is used with size="${size}" at line ${el.line}` });
  }
  return list;
}

function checkUrls(elements, opts, errors, warnings, stats) {
  // Where the add-in is served: the dev server, or the office's own server (--base, a deployment
  // manifest made by scripts/deploy-manifest.mjs). Every URL must lie under it.
  const base = opts.base ?? `https://localhost:${opts.port}/`;
  const distPresent = opts.checkDist && fs.existsSync(opts.distDir) && fs.statSync(opts.distDir).isDirectory();
  stats.distChecked = distPresent;
  const relDist = path.relative(opts.repoRoot, opts.distDir) || opts.distDir;
  for (const { url, el, owner, attr } of collectUrls(elements)) {
    const where = `${url} (${attr} of ${describe(el)})`;
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      errors.push(`url: ${where} is not a valid URL`);
      continue;
    }
    if (parsed.protocol !== 'https:') {
      errors.push(`url: ${where} must use https (Office loads add-in content over HTTPS only)`);
      continue;
    }
    const sizes = expectedIconSizes(owner, elements);
    const isLocal = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
    if (!parsed.href.startsWith(base)) {
      if (isLocal || opts.base) errors.push(`url: ${where} is not under ${base}${opts.base ? '' : ` (the dev server: package.json config.dev_server_port = ${opts.port})`}`);
      else warnings.push(`url: ${where} is not served by the dev server; not checked`);
      continue;
    }
    stats.urls++;
    let urlPath;
    try {
      urlPath = decodeURIComponent(parsed.href.slice(base.length).replace(/[?#].*$/, ''));
    } catch {
      errors.push(`url: ${where} has a malformed path`);
      continue;
    }
    const rule = BUILD_OUTPUTS.find((r) => (r.url ? r.url === urlPath : urlPath.startsWith(r.urlPrefix)));
    if (!rule || urlPath.split('/').includes('..')) {
      const known = BUILD_OUTPUTS.map((r) => r.url ?? `${r.urlPrefix}*`).join(', ');
      errors.push(`url: ${where}: the build produces no /${urlPath} (it produces ${known})`);
      continue;
    }
    const source = rule.url ? rule.source : rule.sourcePrefix + urlPath.slice(rule.urlPrefix.length);
    const files = [];
    const sourceFile = path.join(opts.repoRoot, source);
    if (!fs.existsSync(sourceFile) || !fs.statSync(sourceFile).isFile()) {
      errors.push(`url: ${where}: its source file ${source} does not exist`);
    } else {
      files.push({ file: sourceFile, label: source });
    }
    if (distPresent) {
      const distFile = path.join(opts.distDir, urlPath);
      const label = path.join(relDist, urlPath);
      if (!fs.existsSync(distFile) || !fs.statSync(distFile).isFile()) {
        errors.push(`url: ${where}: ${label} does not exist (dist/ is present: rebuild, or pass --no-dist)`);
      } else {
        files.push({ file: distFile, label });
      }
    }
    for (const { size, why } of sizes) {
      for (const { file, label } of files) {
        stats.icons++;
        const png = readPngSize(file);
        if (png.error) errors.push(`icon: ${label} for ${where} ${png.error}; expected a ${size}×${size} PNG`);
        else if (png.width !== size || png.height !== size) {
          errors.push(`icon: ${label} for ${where} is ${png.width}×${png.height} px, expected ${size}×${size} because ${why}`);
        }
      }
    }
  }
}

function readDevServerPort(repoRoot) {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    const port = Number(pkg?.config?.dev_server_port);
    return Number.isInteger(port) && port > 0 ? port : 3000;
  } catch {
    return 3000;
  }
}

/**
 * Validates an add-in manifest offline.
 * @param {string} manifestPath path to manifest.xml
 * @param {{ repoRoot?: string, xsdDir?: string, distDir?: string, checkDist?: boolean, port?: number }} [options]
 *   repoRoot: where build sources live (default: this script's repo); xsdDir: the manifest XSDs
 *   (default: <repoRoot>/vendor/office-manifest-xsd); distDir: build output (default <repoRoot>/dist),
 *   checked only when it exists and checkDist is not false; port: dev server port
 *   (default package.json config.dev_server_port, else 3000); base: the URL every add-in URL must
 *   start with (default https://localhost:<port>/).
 * @returns {Promise<{ errors: string[], warnings: string[], stats: object }>}
 */
export async function validateManifest(manifestPath, options = {}) {
  const repoRoot = path.resolve(options.repoRoot ?? DEFAULT_REPO_ROOT);
  const opts = {
    repoRoot,
    xsdDir: path.resolve(options.xsdDir ?? path.join(repoRoot, 'vendor', 'office-manifest-xsd')),
    distDir: path.resolve(options.distDir ?? path.join(repoRoot, 'dist')),
    checkDist: options.checkDist !== false,
    port: options.port ?? readDevServerPort(repoRoot),
    base: options.base,
  };
  const errors = [];
  const warnings = [];
  const stats = { schemaFiles: 0, resources: 0, resids: 0, urls: 0, icons: 0, distChecked: false };

  let text;
  try {
    text = fs.readFileSync(manifestPath, 'utf8');
  } catch (err) {
    errors.push(`manifest: cannot read ${manifestPath}: ${err.message}`);
    return { errors, warnings, stats };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const schema = await validateSchema(text, path.basename(manifestPath), opts.xsdDir);
  errors.push(...schema.errors);
  stats.schemaFiles = schema.files;

  let doc;
  try {
    doc = parseXml(text);
  } catch (err) {
    // libxml2 has already described a well-formedness error in detail; do not repeat it.
    if (!schema.errors.some((e) => e.includes('parser error'))) errors.push(`xml: cannot read the manifest: ${err.message}`);
    return { errors, warnings, stats };
  }
  const { root, elements } = doc;
  if (root.local !== 'OfficeApp' || root.ns !== NS.app) {
    errors.push(`xml: the root element is <${root.name}> in "${root.ns}", expected <OfficeApp> in ${NS.app}`);
    return { errors, warnings, stats };
  }

  checkResources(elements, errors, warnings, stats);
  checkIds(elements, errors);
  checkHosts(root, elements, errors);
  checkIconLists(elements, errors, warnings);
  checkUrls(elements, opts, errors, warnings, stats);
  return { errors, warnings, stats };
}

// ---------------------------------------------------------------------------
// CLI

function parseArgs(argv) {
  const args = { json: false, checkDist: true };
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    const value = () => {
      if (k + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++k];
    };
    if (a === '--json') args.json = true;
    else if (a === '--no-dist') args.checkDist = false;
    else if (a === '--root') args.repoRoot = value();
    else if (a === '--xsd-dir') args.xsdDir = value();
    else if (a === '--dist') args.distDir = value();
    else if (a === '--base') args.base = value();
    else if (a === '--help' || a === '-h') args.help = true;
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else if (args.manifest) throw new Error(`unexpected argument ${a}`);
    else args.manifest = a;
  }
  return args;
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`validate-manifest: ${err.message}`);
    process.exitCode = 2;
    return;
  }
  if (args.help) {
    console.log(
      'usage: node scripts/validate-manifest.mjs [manifest.xml] [--json] [--root DIR] [--xsd-dir DIR] [--dist DIR] [--no-dist] [--base URL]',
    );
    return;
  }
  const repoRoot = path.resolve(args.repoRoot ?? DEFAULT_REPO_ROOT);
  const manifestPath = path.resolve(args.manifest ?? path.join(repoRoot, 'manifest.xml'));
  const result = await validateManifest(manifestPath, {
    repoRoot,
    xsdDir: args.xsdDir,
    distDir: args.distDir,
    checkDist: args.checkDist,
    base: args.base,
  });
  process.exitCode = result.errors.length ? 1 : 0;
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ manifest: manifestPath, ...result }, null, 2)}\n`);
    return;
  }
  const { errors, warnings, stats } = result;
  console.log(`Manifest: ${path.relative(process.cwd(), manifestPath) || manifestPath}`);
  const count = (prefix) => errors.filter((e) => e.startsWith(prefix)).length;
  const line = (ok, text) => console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${text}`);
  line(count('schema:') === 0 && count('xml:') === 0, `schema (${MAIN_XSD} + ${Math.max(stats.schemaFiles - 1, 0)} imported XSDs)`);
  line(count('resid:') + count('resource:') + count('ids:') === 0, `${stats.resids} resid references against ${stats.resources} resources; ids unique`);
  line(count('url:') + count('hosts:') === 0, `${stats.urls} dev-server URLs map to build outputs (sources${stats.distChecked ? ' and dist/' : '; no dist/ checked'})`);
  line(count('icon:') === 0, `${stats.icons} icon size checks`);
  for (const w of warnings) console.log(`warning: ${w}`);
  for (const e of errors) console.log(`error: ${e}`);
  console.log(errors.length ? `FAILED: ${errors.length} error(s)` : `OK${warnings.length ? ` (${warnings.length} warning(s))` : ''}`);
}

const invokedAs = process.argv[1] ? path.resolve(process.argv[1]) : '';
if (invokedAs && (invokedAs === fileURLToPath(import.meta.url) || fs.realpathSync.native(invokedAs) === fileURLToPath(import.meta.url))) {
  main().catch((err) => {
    console.error(`validate-manifest: ${err instanceof Error ? err.stack : err}`);
    process.exitCode = 1;
  });
}
