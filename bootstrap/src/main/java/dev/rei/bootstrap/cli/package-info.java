/** The command line (picocli): {@code run}, {@code bot}, {@code worker}, {@code migrate}, {@code sandbox}. */
package dev.rei.bootstrap.cli;
