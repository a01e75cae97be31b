/** Digits in groups of three separated by spaces, with a true minus sign: 18 500 000, −12.5. */
export function grouped(value: number, decimals = 0): string {
  const [whole = "", fraction] = Math.abs(value).toFixed(decimals).split(".");
  const withSpaces = whole.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return `${value < 0 ? "−" : ""}${withSpaces}${fraction ? `.${fraction}` : ""}`;
}
