/**
 * Files jobs read and produce, kept on the local file system.
 */
package dev.rei.adapters.persistence.files;
