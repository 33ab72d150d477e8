// Numbers become text only here, with Intl.NumberFormat for the chosen language.

/** Building an Intl.NumberFormat costs far more than using one: keep one set per language and currency. @type {Record<string, ReturnType<typeof build>>} */
const cache = {};

/** @param {"en" | "fr"} lang @param {string} currency */
export function formatters(lang, currency) {
  return (cache[`${lang} ${currency}`] ??= build(lang, currency));
}

/** @param {"en" | "fr"} lang @param {string} currency */
function build(lang, currency) {
  const locale = lang === "fr" ? "fr-FR" : "en-US";
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const precise = new Intl.NumberFormat(locale, { maximumSignificantDigits: 3 });
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumSignificantDigits: 3 });
  const wholePercent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const signedPercent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0, signDisplay: "exceptZero" });
  const money = new Intl.NumberFormat(locale, { style: "currency", currency, maximumFractionDigits: 0 });
  const cents = new Intl.NumberFormat(locale, { style: "currency", currency, maximumFractionDigits: 2 });
  const compact = new Intl.NumberFormat(locale, { notation: "compact", maximumSignificantDigits: 3 });
  const compactMoney = new Intl.NumberFormat(locale, { style: "currency", currency, notation: "compact", maximumSignificantDigits: 3 });
  return {
    locale,
    /** @param {number} n */
    count: (n) => whole.format(n),
    /** Small or fractional values keep three significant digits. @param {number} n */
    number: (n) => (Math.abs(n) >= 100 ? whole.format(n) : precise.format(n)),
    /** @param {number} n */
    percent: (n) => percent.format(n),
    /** @param {number} n */
    roi: (n) => signedPercent.format(n),
    /** "87%": how often, said to a person. @param {number} n */
    share: (n) => wholePercent.format(n),
    /** @param {number} n */
    money: (n) => (Math.abs(n) >= 100 ? money.format(n) : cents.format(n)),
    /** Axis ticks: 12K, 1,2 M. @param {number} n */
    compact: (n) => compact.format(n),
    /** @param {number} n */
    compactMoney: (n) => compactMoney.format(n),
  };
}
