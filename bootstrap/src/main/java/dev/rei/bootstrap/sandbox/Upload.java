package dev.rei.bootstrap.sandbox;

/** A file part of a multipart request: the bytes the bot uploaded and what it called them. */
record Upload(String fileName, String contentType, byte[] bytes) {
}
