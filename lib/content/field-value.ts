/**
 * Sets a field's value the way a person would: focus, the native value setter, then `input` and
 * `change`. React tracks a controlled input's value through its own property on the element, and
 * Vue and plain pages listen for the events; going through the prototype's setter and both events is
 * what every one of them registers.
 */
import type { TextControl } from './scan/composer-scan';

function nativeValueSetter(field: TextControl): ((value: string) => void) | undefined {
  let prototype: object | null = Object.getPrototypeOf(field);
  while (prototype) {
    const setter = Object.getOwnPropertyDescriptor(prototype, 'value')?.set;
    if (setter) return setter;
    prototype = Object.getPrototypeOf(prototype);
  }
  return undefined;
}

export function setFieldValue(field: TextControl, value: string): void {
  field.focus({ preventScroll: true });
  const setter = nativeValueSetter(field);
  if (setter) setter.call(field, value);
  else field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
}

/** A field's number, null when empty; NaN when it holds something that is not a number. */
export function numberIn(field: TextControl | undefined): number | null {
  const text = field?.value.trim() ?? '';
  return text === '' ? null : Number(text);
}
