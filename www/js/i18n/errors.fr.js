// @ts-check
// The engine's errors in French, by their code (types/calculator.d.ts, ErrorCode), loaded only
// when one must be shown (page/shell.js). An error only the engine's sentence explains (it lists
// the ids it knows, or says why) keeps it, in English, introduced in French.
export default {
  "error.code.invalid": "refusé par le moteur de calcul : {message}",
  "error.code.unknownField": "champ inconnu du moteur de calcul : {message}",
  "error.code.notNumber": "{field} doit être un nombre (reçu {got})",
  "error.code.notText": "{field} doit être un texte (reçu {got})",
  "error.code.notObject": "{field} doit être un objet (reçu {got})",
  "error.code.number": "{field} doit être un nombre fini entre {min} et {max} (reçu {got})",
  "error.code.amount": "{field} doit être un montant entre {min} et {max} (reçu {got})",
  "error.code.share": "{field} doit être une part entre {min} et {max} (reçu {got})",
  "error.code.factor": "{field} doit être un coefficient entre {min} et {max} (reçu {got})",
  "error.code.followers": "{field} doit être un nombre d'abonnés entre {min} et {max} (reçu {got})",
  "error.code.people": "{field} doit être un nombre de personnes entre {min} et {max} (reçu {got})",
  "error.code.hours": "{field} doit être un nombre d'heures entre {min} et {max} (reçu {got})",
  "error.code.shape": "{field} doit être un paramètre de forme entre {min} et {max} (reçu {got})",
  "error.code.weight": "{field} doit être un poids entre {min} et {max} (reçu {got})",
  "error.code.amountAtLeast": "{field} doit être un montant d'au moins {min} (reçu {got})",
  "error.code.hoursAtLeast": "{field} doit être un nombre d'heures d'au moins {min} (reçu {got})",
  "error.code.whole": "{field} doit être un nombre entier entre {min} et {max} (reçu {got})",
  "error.range.percent": "{field} doit être un pourcentage entre {min} et {max}.",
  "error.range.empty": "{field} est vide.",
  "error.got.nothing": "rien",
  "error.got.a true/false value": "une valeur vrai/faux",
  "error.got.a list": "une liste",
  "error.got.an object": "un objet",
};
