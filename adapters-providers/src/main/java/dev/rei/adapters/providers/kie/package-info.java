/**
 * KIE.ai's Sora 2 image-to-video over Retrofit, Jackson and OkHttp: file upload, createTask,
 * recordInfo, the result download, and callbacks read as hints only.
 */
package dev.rei.adapters.providers.kie;
