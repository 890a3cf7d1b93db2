/**
 * Fixture: a module that throws while loading.
 *
 * @module
 */

throw new Error("fixture module failed to load");
