namespace Rapport.Mime;

/// <summary>A read-only stream over transfer-encoded content that decodes as it is read.</summary>
internal sealed class DecodingStream(ReadOnlyMemory<byte> encoded, TransferEncoding encoding) : Stream
{
    private readonly byte[] buffer = new byte[Math.Min(TransferDecoding.OutputSize, encoded.Length + 8)];
    private Base64Decoder base64;
    private QuotedPrintableDecoder qp;
    private int offset;
    private int bufferStart, bufferEnd;
    private bool finished;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] destination, int index, int count) => Read(destination.AsSpan(index, count));

    public override int Read(Span<byte> destination)
    {
        if (encoding is not (TransferEncoding.Base64 or TransferEncoding.QuotedPrintable))
        {
            var n = Math.Min(destination.Length, encoded.Length - offset);
            encoded.Span.Slice(offset, n).CopyTo(destination);
            offset += n;
            return n;
        }
        while (bufferStart == bufferEnd)
        {
            if (finished) return 0;
            Fill();
        }
        var take = Math.Min(destination.Length, bufferEnd - bufferStart);
        buffer.AsSpan(bufferStart, take).CopyTo(destination);
        bufferStart += take;
        return take;
    }

    private void Fill()
    {
        bufferStart = 0;
        if (offset >= encoded.Length)
        {
            bufferEnd = encoding == TransferEncoding.Base64 ? base64.Finish(buffer) : qp.Finish(buffer);
            finished = true;
            return;
        }
        var chunk = encoded.Span.Slice(offset, Math.Min(TransferDecoding.ChunkSize, encoded.Length - offset));
        offset += chunk.Length;
        bufferEnd = encoding == TransferEncoding.Base64 ? base64.Decode(chunk, buffer) : qp.Decode(chunk, buffer);
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
