"""A demo camp: made-up people who look like those stranded at the Belarus–Poland border.

The generator (`waypost.demo.generator`) turns a seed into plain data — households of
`MemberData`, with no database — so tests and benchmarks can reuse it. Two loaders write that
data: `load_with_services` through the registry services, as clerks would, and `load_in_bulk`
for registries of 100,000 people and more. Every person here is invented.
"""
