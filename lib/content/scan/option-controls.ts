/**
 * Controls recognised by what they offer rather than by their name: a radio group, a `<select>` or
 * an ARIA tab list / radio group whose options are VIDEO / IMAGE, publish / draft / managed, or
 * none / auto / manual.
 */
import { cleanText, createLabelIndex, type LabelIndex } from './field-names';
import { meaningOfOptions, type OptionMeaning, optionValueOf } from './field-patterns';

export interface OptionControl {
  meaning: OptionMeaning;
  /** The elements that make up the control (the select, each radio, the tab list). */
  elements: Element[];
  /** The value of the chosen option (`VIDEO`, `draft`, `manual`…), or null when none is chosen. */
  read(): string | null;
}

/** Not `input.labels`: see `createLabelIndex`. `read()` runs later, on a DOM that may have changed. */
function labelTexts(input: HTMLInputElement, labelsOf: LabelIndex = createLabelIndex()): string[] {
  return labelsOf(input).map((label) => cleanText(label.textContent));
}

function selectControl(select: HTMLSelectElement): OptionControl | null {
  const options = Array.from(select.options).filter((option) => option.value !== '');
  const meaning = meaningOfOptions(options.map((option) => [option.value, cleanText(option.textContent)]));
  if (!meaning || options.length === 0) return null;
  return {
    meaning,
    elements: [select],
    read: () => {
      const option = select.selectedOptions[0];
      return option && option.value !== ''
        ? optionValueOf(meaning, [option.value, cleanText(option.textContent)])
        : null;
    },
  };
}

function radioGroupControl(radios: HTMLInputElement[], labelsOf: LabelIndex): OptionControl | null {
  const meaning = meaningOfOptions(radios.map((radio) => [radio.value, ...labelTexts(radio, labelsOf)]));
  if (!meaning) return null;
  return {
    meaning,
    elements: radios,
    read: () => {
      const checked = radios.find((radio) => radio.checked);
      return checked ? optionValueOf(meaning, [checked.value, ...labelTexts(checked)]) : null;
    },
  };
}

function ariaItemTexts(item: Element): string[] {
  return [
    cleanText(item.textContent),
    item.getAttribute('aria-label') ?? '',
    item.getAttribute('data-value') ?? '',
  ];
}

function ariaControl(container: Element): OptionControl | null {
  const items = Array.from(container.querySelectorAll('[role="tab"], [role="radio"]:not(input)'));
  const meaning = meaningOfOptions(items.map(ariaItemTexts));
  if (!meaning) return null;
  return {
    meaning,
    elements: [container],
    read: () => {
      const chosen = items.find(
        (item) =>
          item.getAttribute('aria-selected') === 'true' || item.getAttribute('aria-checked') === 'true',
      );
      return chosen ? optionValueOf(meaning, ariaItemTexts(chosen)) : null;
    },
  };
}

/** Radios belong together when they share a name and a form, or, unnamed, a group element. */
function sameGroup(a: HTMLInputElement, b: HTMLInputElement): boolean {
  if (a.name || b.name) return a.name === b.name && a.form === b.form;
  const groupOf = (radio: HTMLInputElement) =>
    radio.closest('[role="radiogroup"], fieldset') ?? radio.parentElement;
  return groupOf(a) === groupOf(b);
}

/** Every option control in a document (or part of one). */
export function findOptionControls(
  root: ParentNode,
  labelsOf: LabelIndex = createLabelIndex(),
): OptionControl[] {
  const controls: OptionControl[] = [];
  for (const select of Array.from(root.querySelectorAll('select'))) {
    const control = selectControl(select);
    if (control) controls.push(control);
  }
  const groups: HTMLInputElement[][] = [];
  for (const radio of Array.from(root.querySelectorAll<HTMLInputElement>('input[type="radio"]'))) {
    const group = groups.find((candidate) => candidate[0] && sameGroup(candidate[0], radio));
    if (group) group.push(radio);
    else groups.push([radio]);
  }
  for (const radios of groups) {
    const control = radioGroupControl(radios, labelsOf);
    if (control) controls.push(control);
  }
  for (const container of Array.from(root.querySelectorAll('[role="tablist"], [role="radiogroup"]'))) {
    const control = ariaControl(container);
    if (control) controls.push(control);
  }
  return controls;
}
