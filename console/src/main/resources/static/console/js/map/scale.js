// The colour classes of the chosen figure: zero, then up to four ranges of whole numbers up to the largest value
// shown. The legend names every class by its numbers, so the colour is never the only way to read a grid.

/** Light to dark (ColorBrewer YlOrRd); zero is a neutral grey-blue, so "nothing" does not look like "a little". */
const ZERO = '#eef2f6';
const STEPS = ['#fed976', '#fd8d3c', '#e31a1c', '#800026'];

/** Classes [{from, to, colour}] for values 0..max (integers). */
export function classesFor(max) {
  const classes = [{ from: 0, to: 0, colour: ZERO }];
  if (max <= 0) {
    return classes;
  }
  const width = Math.max(1, Math.ceil(max / STEPS.length));
  let from = 1;
  for (let i = 0; i < STEPS.length && from <= max; i++) {
    const to = i === STEPS.length - 1 ? max : Math.min(max, from + width - 1);
    classes.push({ from, to, colour: STEPS[i] });
    from = to + 1;
  }
  return classes;
}

export function colourOf(value, classes) {
  const found = classes.find((c) => value >= c.from && value <= c.to);
  return (found || classes[classes.length - 1]).colour;
}

/** "0", "1", "2–3": a class as its numbers. */
export function rangeText(c, number) {
  return c.from === c.to ? number(c.from) : `${number(c.from)}–${number(c.to)}`;
}
