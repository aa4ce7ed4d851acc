/**
 * The Model Context Protocol endpoint ({@code /mcp}): the REST endpoints as MCP tools and the context documents
 * as MCP resources, over the MCP SDK's stateless Streamable HTTP transport.
 */
@NullMarked
package io.govflow.web.mcp;

import org.jspecify.annotations.NullMarked;
