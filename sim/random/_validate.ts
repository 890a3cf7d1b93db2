/**
 * Private argument checks shared by the random layer (not re-exported). Each throws a
 * "Cannot <action>: <rule>, received <value>" error: TypeError for a wrong type, RangeError
 * for a value out of range.
 *
 * @module
 */

/**
 * Formats a received value for an error message.
 *
 * @param value Anything.
 * @returns A short readable rendering.
 */
export function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || value == null) {
    return String(value);
  }
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  try {
    const json = JSON.stringify(value);
    if (json !== undefined) return json.length > 80 ? `${json.slice(0, 77)}...` : json;
  } catch {
    // fall through
  }
  return typeof value;
}

/**
 * Throws unless `value` is a number.
 *
 * @param action What was attempted ("sample gamma").
 * @param field Name of the argument.
 * @param value The argument.
 */
export function requireNumber(action: string, field: string, value: unknown): void {
  if (typeof value !== "number" || Number.isNaN(value)) {
    throw new TypeError(`Cannot ${action}: ${field} must be a number, received ${show(value)}`);
  }
}

/**
 * Throws unless `value` is a finite number.
 *
 * @param action What was attempted.
 * @param field Name of the argument.
 * @param value The argument.
 */
export function requireFinite(action: string, field: string, value: unknown): void {
  requireNumber(action, field, value);
  if (!Number.isFinite(value as number)) {
    throw new RangeError(`Cannot ${action}: ${field} must be finite, received ${show(value)}`);
  }
}

/**
 * Throws unless `value` is a finite number >= `min` (or > `min` when `strict`).
 *
 * @param action What was attempted.
 * @param field Name of the argument.
 * @param value The argument.
 * @param min Lower bound.
 * @param strict Whether the bound is exclusive.
 */
export function requireAtLeast(
  action: string,
  field: string,
  value: unknown,
  min: number,
  strict = false,
): void {
  requireFinite(action, field, value);
  const v = value as number;
  if (strict ? !(v > min) : !(v >= min)) {
    throw new RangeError(
      `Cannot ${action}: ${field} must be ${strict ? ">" : ">="} ${min}, received ${show(v)}`,
    );
  }
}

/**
 * Throws unless `value` is a probability in [0, 1].
 *
 * @param action What was attempted.
 * @param field Name of the argument.
 * @param value The argument.
 */
export function requireProbability(action: string, field: string, value: unknown): void {
  requireNumber(action, field, value);
  const v = value as number;
  if (!(v >= 0 && v <= 1)) {
    throw new RangeError(`Cannot ${action}: ${field} must be in [0, 1], received ${show(v)}`);
  }
}

/**
 * Throws unless `value` is a non-negative safe integer.
 *
 * @param action What was attempted.
 * @param field Name of the argument.
 * @param value The argument.
 */
export function requireCount(action: string, field: string, value: unknown): void {
  requireNumber(action, field, value);
  if (!Number.isSafeInteger(value) || (value as number) < 0) {
    throw new RangeError(
      `Cannot ${action}: ${field} must be a non-negative integer, received ${show(value)}`,
    );
  }
}

/**
 * Throws unless `value` is a plain object (not null, not an array).
 *
 * @param action What was attempted.
 * @param field Name of the argument.
 * @param value The argument.
 */
export function requireObject(action: string, field: string, value: unknown): void {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TypeError(`Cannot ${action}: ${field} must be an object, received ${show(value)}`);
  }
}
