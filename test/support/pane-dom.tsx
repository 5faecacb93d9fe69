/**
 * The helpers the jsdom tests of the task pane and the workbench share (React 19, Fluent UI v9):
 * the shims jsdom needs, one container at a time rendered inside Fluent's provider and unmounted
 * after each test, and the user's actions (type, choose, click) wrapped in act.
 *
 * A test file calls usePaneDom() once, at its top: it installs the shims and registers the cleanup.
 * pane() is the current container; text() reads it, pageText() reads the whole page (Fluent renders
 * dialogs in portals, outside the container).
 */
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'util';
import { DecompressionStream as NodeDecompressionStream, ReadableStream as NodeReadableStream } from 'stream/web';
import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';

let container: HTMLDivElement | undefined;
let root: Root | undefined;

/**
 * Installs the jsdom shims and unmounts the pane after each test. `resizeObserver: false` leaves
 * ResizeObserver out (a component that checks for it then behaves as without layout).
 */
export function usePaneDom({ resizeObserver = true }: { resizeObserver?: boolean } = {}): void {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  // jsdom has no layout: Fluent's MessageBar watches its own size with a ResizeObserver.
  if (resizeObserver) {
    globalThis.ResizeObserver ??= class {
      observe() {}
      unobserve() {}
      disconnect() {}
    } as unknown as typeof ResizeObserver;
  }
  // jsdom leaves out TextEncoder, which the run's SHA-256 uses (every browser has it).
  globalThis.TextEncoder ??= NodeTextEncoder as unknown as typeof TextEncoder;
  // … and what the xlsx host's package check inflates with (src/hosts/xlsx/package-check.ts).
  globalThis.TextDecoder ??= NodeTextDecoder as unknown as typeof TextDecoder;
  globalThis.ReadableStream ??= NodeReadableStream as unknown as typeof ReadableStream;
  globalThis.DecompressionStream ??= NodeDecompressionStream as unknown as typeof DecompressionStream;
  afterEach(unmount);
}

/** The current container. */
export function pane(): HTMLDivElement {
  if (!container) throw new Error('no pane: mount() or createPane() first');
  return container;
}

/** A fresh container in the page, with its React root, nothing rendered yet. */
export function createPane(): HTMLDivElement {
  container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
  return container;
}

/** Renders into the current container's root (again: React updates what is there), inside Fluent's provider. */
export async function render(app: ReactElement): Promise<void> {
  if (!root) throw new Error('no pane: mount() or createPane() first');
  const current = root;
  await act(async () => {
    current.render(<FluentProvider theme={webLightTheme}>{app}</FluentProvider>);
  });
}

/** The pane in a fresh container, rendered inside Fluent's provider. */
export async function mount(app: ReactElement): Promise<void> {
  createPane();
  await render(app);
}

/** Unmounts the pane and takes its container out of the page (after each test, or to open again). */
export async function unmount(): Promise<void> {
  const [r, c] = [root, container];
  root = undefined;
  container = undefined;
  if (r) await act(async () => r.unmount());
  c?.remove();
}

/** The pane's text (the container only). */
export const text = (): string => pane().textContent ?? '';
/** The page's text: the pane and what Fluent renders in portals (dialogs). */
export const pageText = (): string => document.body.textContent ?? '';

export const byTestId = <T extends Element = HTMLElement>(id: string): T => {
  const el = pane().querySelector(`[data-testid="${id}"]`);
  if (!el) throw new Error(`no [data-testid="${id}"] in: ${pageText()}`);
  return el as unknown as T;
};

/** The input (or textarea) with that test id, or the input inside the element with it (Fluent's wrappers). */
export const input = (testId: string): HTMLInputElement => {
  const el = byTestId<HTMLElement>(testId);
  return el.matches('input, textarea') ? (el as HTMLInputElement) : el.querySelector('input')!;
};

/** Waits (in act, `tries` × 10 ms) until the page shows what is expected: the run reads and writes asynchronously. */
export async function until(ok: () => boolean, what = 'the pane to settle', tries = 300): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (ok()) return;
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10));
    });
  }
  throw new Error(`timed out waiting for ${what}; the page shows: ${pageText()}`);
}

/** Types into an input or a textarea as React sees it (the native setter, then an input event). */
export async function type(el: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  await act(async () => {
    const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Chooses an option of a select as React sees it (the native setter, then a change event). */
export async function choose(select: HTMLSelectElement, value: string): Promise<void> {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set?.call(select, value);
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export async function click(el: Element): Promise<void> {
  await act(async () => {
    (el as HTMLElement).click();
  });
}

/** The button whose text is the label, in the pane (or `within`: a dialog, a warning). */
export function button(label: string, within: ParentNode = pane()): HTMLButtonElement {
  const found = [...within.querySelectorAll('button')].find((b) => b.textContent?.trim() === label);
  if (!found) throw new Error(`no button "${label}" in: ${pageText()}`);
  return found;
}
