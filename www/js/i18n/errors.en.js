// @ts-check
// The engine's errors in English, by their code (types/calculator.d.ts, ErrorCode), loaded only
// when one must be shown (page/shell.js). Each range wording says what the engine's message
// says, with its numbers as the engine prints them; the others are the engine's own sentence,
// which alone can quote what it got or list what it knows.
export default {
  "error.code.invalid": "{message}",
  "error.code.unknownField": "{message}",
  "error.code.notNumber": "{field} must be a number (got {got})",
  "error.code.notText": "{field} must be text (got {got})",
  "error.code.notObject": "{field} must be an object (got {got})",
  "error.code.number": "{field} must be a finite number from {min} to {max} (got {got})",
  "error.code.amount": "{field} must be an amount from {min} to {max} (got {got})",
  "error.code.share": "{field} must be a share from {min} to {max} (got {got})",
  "error.code.factor": "{field} must be a factor from {min} to {max} (got {got})",
  "error.code.followers": "{field} must be a number of followers from {min} to {max} (got {got})",
  "error.code.people": "{field} must be a number of people from {min} to {max} (got {got})",
  "error.code.hours": "{field} must be a number of hours from {min} to {max} (got {got})",
  "error.code.shape": "{field} must be a shape from {min} to {max} (got {got})",
  "error.code.weight": "{field} must be a weight from {min} to {max} (got {got})",
  "error.code.amountAtLeast": "{field} must be an amount ≥ {min} (got {got})",
  "error.code.hoursAtLeast": "{field} must be a number of hours ≥ {min} (got {got})",
  "error.code.whole": "{field} must be a whole number from {min} to {max} (got {got})",
  "error.range.percent": "{field} must be a percentage from {min} to {max}.",
  "error.range.empty": "{field} is empty.",
  // What a field got, when it was not a number or a text (the message's words).
  "error.got.nothing": "nothing",
  "error.got.a true/false value": "a true/false value",
  "error.got.a list": "a list",
  "error.got.an object": "an object",
};
