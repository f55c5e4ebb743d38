/**
 * Reading a plan: YAML text to {@link dev.mailshift.plan.Plan} records with every element and
 * every problem carrying its {@code file:line:column}, defaults applied from {@link
 * dev.mailshift.plan.load.Defaults}, and secret references resolved by {@link
 * dev.mailshift.plan.load.SecretResolver}.
 *
 * <p>API: {@link dev.mailshift.plan.load.PlanLoader}, {@link dev.mailshift.plan.load.LoadResult},
 * {@link dev.mailshift.plan.load.PlanDocument}, {@link dev.mailshift.plan.load.Defaults}, {@link
 * dev.mailshift.plan.load.SecretResolver} and its companions. Everything package-private is
 * internal, no compatibility guarantee.
 */
package dev.mailshift.plan.load;
