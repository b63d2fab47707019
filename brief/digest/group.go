package digest

import "fmt"

// Group sorts articles, given by their features, into stories, as the
// digest does. Each group lists indexes into fs in ascending order; every
// article is in exactly one group; groups come largest first, then by
// their first index. The result depends only on fs and opt, not on map
// order or the number of CPUs.
func Group(fs []*Features, opt Options) ([][]int, error) {
	c := newCorpus()
	for i, f := range fs {
		if err := f.Validate(); err != nil {
			return nil, fmt.Errorf("article %d: %w", i+1, err)
		}
		c.add(f)
	}
	var out [][]int
	for _, g := range newIndex(c, opt).groups() {
		out = append(out, g.members)
	}
	return out, nil
}

// group is one story as grouping found it.
type group struct {
	// members are indexes of the articles, ascending.
	members []int
	// central is the member with the highest average similarity to the
	// other members (the lowest index on a tie): the story's most
	// representative report.
	central int
	// cohesion is the average similarity over all pairs of members (1
	// for a story of one article).
	cohesion float64
}

// groups groups the articles of the index and describes each group.
func (ix *index) groups() []group {
	gs := ix.agglomerate()
	out := make([]group, len(gs))
	for g, m := range gs {
		members := make([]int, len(m))
		for k, d := range m {
			members[k] = int(d)
		}
		s := group{members: members, central: members[0], cohesion: 1}
		if len(members) > 1 {
			var total float64
			best := -1.0
			for _, d := range members {
				sum := ix.sumTo(d, m)
				total += sum
				if sum > best {
					best, s.central = sum, d
				}
			}
			n := float64(len(members))
			s.cohesion = total / (n * (n - 1))
		}
		out[g] = s
	}
	return out
}

// sumTo is the sum of the kept similarities of article d to the articles
// of group (ascending), d itself left out.
func (ix *index) sumTo(d int, group []int32) float64 {
	docs, sims := ix.neighbours(d)
	var sum float64
	i, j := 0, 0
	for i < len(docs) && j < len(group) {
		switch {
		case docs[i] < group[j]:
			i++
		case docs[i] > group[j]:
			j++
		default:
			sum += float64(sims[i])
			i++
			j++
		}
	}
	return sum
}
