import Dispatch

/// Two independent pieces of work at once: the first on a thread of the global
/// pool, the second on the calling thread; both results (or the first error,
/// the first closure's first) once both are done. For the commands that read
/// two inputs (`diff`) or build two indexes of a whole graph.
public enum Parallel {
    public static func pair<A: Sendable, B>(_ first: @escaping @Sendable () -> A, _ second: () -> B) -> (A, B) {
        let box = Box<A>()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { box.value = first() }
        let b = second()
        group.wait()
        return (box.value!, b)
    }

    public static func pair<A: Sendable, B, E: Error>(_ first: @escaping @Sendable () throws(E) -> A,
                                                      _ second: () throws(E) -> B) throws(E) -> (A, B) {
        let box = Box<Result<A, E>>()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            do throws(E) { box.value = .success(try first()) } catch { box.value = .failure(error) }
        }
        let b: Result<B, E>
        do throws(E) { b = .success(try second()) } catch { b = .failure(error) }
        group.wait()
        return (try box.value!.get(), try b.get())
    }

    /// Written by the one worker before `group.wait()` returns, read after: the group orders the two.
    private final class Box<T>: @unchecked Sendable {
        var value: T?
    }
}

extension Array where Element: Comparable {
    /// The elements sorted, each once. The indices are sorted, not the elements:
    /// moving a triple or quad (several strings) costs a retain per string, and
    /// a merge sort moves each element some twenty times; here each is copied once.
    /// (Inlinable: specialized where it is called, a generic body would copy every element it compares.)
    @inlinable
    public func sortedUnique() -> [Element] {
        withUnsafeBufferPointer { items in
            var order = Array<Int>(items.indices)
            order.sort { items[$0] < items[$1] }
            var out: [Element] = []
            out.reserveCapacity(items.count)
            var last = -1
            for i in order where last < 0 || items[last] != items[i] {
                out.append(items[i])
                last = i
            }
            return out
        }
    }
}
