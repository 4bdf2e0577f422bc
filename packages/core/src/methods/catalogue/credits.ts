/** Shared credit strings for the catalogue. */

export const LS_SOURCE =
  'H. Lipmanowicz & K. McCandless, The Surprising Power of Liberating Structures (2013); liberatingstructures.com';

export const LS_CREDIT =
  'Liberating Structures, H. Lipmanowicz & K. McCandless. Original descriptions under CC BY-NC 3.0; this text is our own rewrite.';
