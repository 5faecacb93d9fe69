import type { Page } from 'playwright-core';

/**
 * What a user sees as broken in a narrow page, measured on the boxes Chromium lays out (for the task
 * pane at Excel's width, 320–350 px, and the workbench in a narrow window). Each problem is a line
 * naming what and where:
 * - the page wider than the window (a horizontal scroll bar);
 * - text past the window, or past a box it is drawn in (a pill, a message bar, a card, a button:
 *   every ancestor with a background or a border), or a line of text over another;
 * - a form control over another control or over text (an input running under the next one);
 * - a choice of a list wider than the list shows it (cut; a field's typed text scrolls, as in any field);
 * - fields side by side whose inputs are not level (one label wraps, the other not).
 */
export async function layoutProblems(page: Page, root = 'body'): Promise<string[]> {
  return page.evaluate((rootSelector) => {
    const problems: string[] = [];
    const TOL = 1;
    const vw = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > vw + TOL) problems.push(`the page is ${document.documentElement.scrollWidth} px wide in a ${vw} px window`);
    const rootEl = document.querySelector(rootSelector);
    if (!rootEl) return [`no ${rootSelector}`];

    const shown = (el: Element): boolean => {
      for (let e: Element | null = el; e; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0) return false;
      }
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    };
    const name = (el: Element): string => {
      const id = el.getAttribute('data-testid') ?? el.id;
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `<${el.tagName.toLowerCase()}${id ? ` #${id}` : ''}>${text ? ` “${text}”` : ''}`;
    };
    const inside = (a: DOMRect, b: DOMRect) => a.left >= b.left - TOL && a.right <= b.right + TOL && a.top >= b.top - TOL && a.bottom <= b.bottom + TOL;
    const overlap = (a: DOMRect, b: DOMRect) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > TOL && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > TOL;
    /** A visible box: a background or a border of its own (a card, a pill, a message bar, a button). */
    const boxed = (el: Element): boolean => {
      const s = getComputedStyle(el);
      const bg = s.backgroundColor !== 'rgba(0, 0, 0, 0)' && s.backgroundColor !== 'transparent';
      const border = ['Top', 'Right', 'Bottom', 'Left'].some((side) => parseFloat(s.getPropertyValue(`border-${side.toLowerCase()}-width`)) > 0 && s.getPropertyValue(`border-${side.toLowerCase()}-style`) !== 'none');
      return bg || border;
    };

    // Text: each line of each text node.
    const texts: { rect: DOMRect; node: Text }[] = [];
    const walker = document.createTreeWalker(rootEl, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const node = n as Text;
      if (!node.data.trim() || !node.parentElement || !shown(node.parentElement)) continue;
      if (node.parentElement.closest('option, select, script, style, svg')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) if (rect.width > 0 && rect.height > 0) texts.push({ rect, node });
    }
    for (const { rect, node } of texts) {
      const what = `text “${node.data.trim().slice(0, 50)}”`;
      if (rect.left < -TOL || rect.right > vw + TOL) problems.push(`${what} runs past the window (${Math.round(rect.left)}–${Math.round(rect.right)} of ${vw} px)`);
      for (let e: Element | null = node.parentElement; e && e !== document.body; e = e.parentElement) {
        if (boxed(e) && !inside(rect, e.getBoundingClientRect())) {
          problems.push(`${what} runs out of its box ${name(e)}`);
          break;
        }
      }
    }
    for (let i = 0; i < texts.length; i++)
      for (let j = i + 1; j < texts.length; j++)
        if (texts[i].node !== texts[j].node && overlap(texts[i].rect, texts[j].rect)) problems.push(`text “${texts[i].node.data.trim().slice(0, 30)}” over text “${texts[j].node.data.trim().slice(0, 30)}”`);

    // Controls: over each other, over text, their text cut, side by side level.
    const controls = [...rootEl.querySelectorAll('input, select, textarea, button')].filter(
      (el) => shown(el) && !((el as HTMLInputElement).type === 'checkbox' || (el as HTMLInputElement).type === 'radio' || (el as HTMLInputElement).type === 'file'),
    );
    const boxes = controls.map((el) => el.getBoundingClientRect());
    controls.forEach((el, i) => {
      const r = boxes[i];
      if (r.left < -TOL || r.right > vw + TOL) problems.push(`${name(el)} runs past the window (${Math.round(r.left)}–${Math.round(r.right)} of ${vw} px)`);
      for (let j = i + 1; j < controls.length; j++)
        if (!el.contains(controls[j]) && !controls[j].contains(el) && overlap(r, boxes[j])) problems.push(`${name(el)} over ${name(controls[j])}`);
      for (const t of texts) if (!el.contains(t.node) && overlap(r, t.rect) && !t.node.parentElement?.closest('label')?.contains(el)) problems.push(`${name(el)} over text “${t.node.data.trim().slice(0, 30)}”`);
    });
    const canvas = document.createElement('canvas').getContext('2d')!;
    for (const el of controls) {
      if (!(el instanceof HTMLSelectElement)) continue;
      const s = getComputedStyle(el);
      canvas.font = `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
      const room = el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
      for (const option of el.options) {
        const need = canvas.measureText(option.text).width;
        if (need > room + TOL) problems.push(`${name(el)}: the choice “${option.text}” shows cut: ${Math.round(need)} px of text in ${Math.round(room)} px`);
      }
    }
    const fields = controls.filter((el) => el.matches('input, select, textarea'));
    for (let i = 0; i < fields.length; i++)
      for (let j = i + 1; j < fields.length; j++) {
        const a = fields[i].getBoundingClientRect();
        const b = fields[j].getBoundingClientRect();
        const sideBySide = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > TOL && (a.right <= b.left + TOL || b.right <= a.left + TOL);
        if (sideBySide && (Math.abs(a.top - b.top) > TOL || Math.abs(a.height - b.height) > TOL)) problems.push(`${name(fields[i])} and ${name(fields[j])} side by side, not level (${Math.round(a.top)}/${Math.round(a.height)} and ${Math.round(b.top)}/${Math.round(b.height)} px)`);
      }
    return [...new Set(problems)];
  }, root);
}
