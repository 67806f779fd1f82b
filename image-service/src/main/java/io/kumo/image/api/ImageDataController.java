package io.kumo.image.api;

import io.kumo.common.auth.Caller;
import io.kumo.common.error.ApiException;
import io.kumo.image.application.ImageDownloads;
import io.kumo.image.application.ImageUploads;
import io.kumo.image.application.Viewers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Image data, streamed both ways through a fixed buffer: a 1 GiB image never occupies more than a
 * megabyte of heap. Downloads carry Glance's hex {@code Content-MD5} (which the SDK verifies) and honour
 * a single byte range.
 */
@RestController
class ImageDataController {

    private static final int BUFFER = 256 * 1024;

    private final ImageUploads uploads;
    private final ImageDownloads downloads;

    ImageDataController(ImageUploads uploads, ImageDownloads downloads) {
        this.uploads = uploads;
        this.downloads = downloads;
    }

    @PutMapping(path = "/v2/images/{id}/file", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void upload(Caller caller, @PathVariable String id, HttpServletRequest request,
            @RequestHeader(name = "X-OpenStack-Image-Size", required = false) String sizeHeader) throws IOException {
        Long size = declaredSize(sizeHeader, request.getContentLengthLong());
        try (InputStream body = request.getInputStream()) {
            uploads.upload(Viewers.of(caller), id, body, size);
        }
    }

    @GetMapping("/v2/images/{id}/file")
    void download(Caller caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.RANGE, required = false) String range, HttpServletResponse response)
            throws IOException {
        ImageDownloads.StoredData data = downloads.find(Viewers.of(caller), id);
        if (data == null) {
            response.setStatus(HttpStatus.NO_CONTENT.value());
            return;
        }
        ByteRange bytes = ByteRange.parse(range, data.size());
        if (bytes == null) {
            response.setStatus(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE.value());
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + data.size());
            return;
        }
        try (InputStream in = downloads.open(data, bytes.start(), bytes.length())) {
            response.setContentType(MediaType.APPLICATION_OCTET_STREAM_VALUE);
            response.setContentLengthLong(bytes.length());
            if (data.checksum() != null) {
                response.setHeader("Content-MD5", data.checksum());
            }
            if (bytes.partial()) {
                response.setStatus(HttpStatus.PARTIAL_CONTENT.value());
                response.setHeader(HttpHeaders.CONTENT_RANGE,
                        "bytes " + bytes.start() + "-" + bytes.end() + "/" + data.size());
            }
            copy(in, response.getOutputStream());
        }
    }

    private static Long declaredSize(String header, long contentLength) {
        if (header != null) {
            try {
                long size = Long.parseLong(header.trim());
                if (size < 0) {
                    throw new NumberFormatException();
                }
                return size;
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("X-OpenStack-Image-Size must be a non-negative integer.");
            }
        }
        return contentLength >= 0 ? contentLength : null;
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER];
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
        }
    }
}
