package io.govflow.flow.export;

import java.util.List;

import io.govflow.store.export.ExportFile;

/**
 * One page of an export listing.
 *
 * @param page the 0-based page
 * @param size files per page
 * @param total files over all pages
 */
public record ExportPage(List<ExportFile> files, int page, int size, long total) {

    public ExportPage {
        files = List.copyOf(files);
    }
}
