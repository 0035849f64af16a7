/**
 * Use cases of the billing and job core (ports in), the ports out they need, and the services that implement them.
 */
package dev.rei.application;
