// @ts-check
// Les phrases du lien et de la fenêtre d'intégration en français, chargées avec eux (i18n.js).
export default {
  "embed.title": "Mettre ce scénario dans une page",
  "embed.help": "L'élément et l'iframe reprennent le budget, la classification, le mix, l'objectif et la langue ; le lien reprend tout, seuils et hypothèses compris.",
  "embed.element": "L'élément (un script, une balise)",
  "embed.iframe": "L'iframe (pour les éditeurs sans scripts ; la ligne de script, facultative, ajuste sa hauteur)",
  "embed.link": "Le lien",
  "embed.close": "Fermer",
  "share.copied": "Lien copié : il rouvre exactement ce scénario.",
  "share.manual": "Copiez ce lien : {url}",
  "share.rejected": "Certaines parties du lien étaient inutilisables et ont gardé leur valeur par défaut : {fields}.",
};
