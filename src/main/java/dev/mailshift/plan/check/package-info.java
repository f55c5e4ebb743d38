/**
 * Checking a plan: the JSON Schema ({@code schemas/plan.schema.json}) over the YAML tree, then
 * semantic checks over the whole plan, every problem collected with its {@code
 * file:line:column} and a fix.
 *
 * <p>API: {@link dev.mailshift.plan.check.PlanValidator}, {@link
 * dev.mailshift.plan.check.ValidationResult}, {@link dev.mailshift.plan.check.ProblemFormatter}.
 * Everything package-private is internal, no compatibility guarantee.
 */
package dev.mailshift.plan.check;
