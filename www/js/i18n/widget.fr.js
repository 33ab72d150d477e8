// @ts-check
// The widget's own sentences in French (tier-mix.js loads them with the page's): the page never
// shows them. Its link to the calculator is a page sentence, since the Embed dialog writes it too.
export default {
  "widget.title": "Nano, micro ou macro ? Votre budget en portée et en persuasion",
  "widget.caption": "Votre mix et le meilleur mix pour l'objectif",
  "widget.rejected": "Certains réglages de ce calculateur étaient inutilisables et ont gardé leur valeur par défaut : {fields}.",
  "widget.bought.one": "{share} · {count} influenceur",
  "widget.bought.other": "{share} · {count} influenceurs",
};
